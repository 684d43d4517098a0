import { NextResponse } from 'next/server';
import { z } from 'zod';
import { createCheckoutSession } from '@/lib/actions/create-checkout-session';
import { appOrigin } from '@/lib/app-origin';
import { cartSchema } from '@/lib/checkout/cart';
import { cookies } from 'next/headers';
import { browserCookie, browserToken, BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { errorResponse, parseJsonBody } from '@/lib/http';

const bodySchema = z.strictObject({
  cart: cartSchema,
  /** One per checkout page view (a UUID): makes a double click create one session, not two. */
  attemptId: z.uuid(),
});

export async function POST(request: Request) {
  try {
    const { cart, attemptId } = await parseJsonBody(request, bodySchema);
    const token = browserToken((await cookies()).get(BROWSER_COOKIE)?.value, attemptId);
    const origin = appOrigin(request);
    const session = await createCheckoutSession(cart, attemptId, token, origin);
    const response = NextResponse.json({ clientSecret: session.clientSecret }, { status: 201 });
    response.cookies.set(browserCookie(token, origin));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/sessions');
  }
}
