import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clientAddress, signIn } from '@/lib/actions/admin-auth';
import { adminCookie } from '@/lib/admin/session-token';
import { readForm, redirectWithFlash } from '@/lib/admin/form-route';
import { appOrigin } from '@/lib/app-origin';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, errorResponse } from '@/lib/http';

const formSchema = z.object({ password: z.string().max(1000) });

// Signing in to the back office: the password (limited per client address) for a session cookie.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const form = formSchema.safeParse(await readForm(request));
    const token = await signIn(form.success ? form.data.password : '', await clientAddress());
    const response = NextResponse.redirect(new URL('/admin/orders', appOrigin(request)), 303);
    response.cookies.set(adminCookie(token, appOrigin(request)));
    return response;
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('admin_'))
      return redirectWithFlash(request, '/admin/login', { kind: 'error', text: error.publicMessage });
    return errorResponse(error, 'POST /api/admin/login');
  }
}
