import { NextResponse } from 'next/server';
import { ADMIN_COOKIE } from '@/lib/admin/session-token';
import { appOrigin } from '@/lib/app-origin';
import { assertSameOrigin, errorResponse } from '@/lib/http';

export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const response = NextResponse.redirect(new URL('/admin/login', appOrigin(request)), 303);
    response.cookies.delete(ADMIN_COOKIE);
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/admin/logout');
  }
}
