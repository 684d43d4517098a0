import { NextResponse } from 'next/server';
import { z } from 'zod';
import { openCheckout } from '@/lib/actions/open-checkout';
import { appOrigin } from '@/lib/app-origin';
import { cartSchema } from '@/lib/checkout/cart';
import { storedCartSchema } from '@/lib/checkout/cart-rules';
import { clientAddress } from '@/lib/client-address';
import { browserCookie, browserToken, browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, parseJsonBody } from '@/lib/http';

const bodySchema = z.strictObject({
  cart: z.union([cartSchema, storedCartSchema]),
  /** One per checkout page view (a UUID): a cookieless browser's token is derived from it, so a double click is one buyer. */
  attemptId: z.uuid(),
});

// Opens the browser's checkout: its open one again (a reload, a second tab), or a new one. 201 when made, 200 when resumed.
export async function POST(request: Request) {
  try {
    const { cart, attemptId } = await parseJsonBody(request, bodySchema);
    const token = browserToken(await browserTokenFromCookies(), attemptId);
    const origin = appOrigin(request);
    const session = await openCheckout({ cart, attemptId, browserToken: token, origin, clientAddress: clientAddress(request) });
    const response = NextResponse.json({ clientSecret: session.clientSecret }, { status: session.resumed ? 200 : 201 });
    response.cookies.set(browserCookie(token, origin));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/sessions');
  }
}
