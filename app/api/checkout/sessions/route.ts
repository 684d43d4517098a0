import { NextResponse } from 'next/server';
import { z } from 'zod';
import { storedCheckoutCart } from '@/lib/actions/cart';
import { createCheckoutSession } from '@/lib/actions/create-checkout-session';
import { appOrigin } from '@/lib/app-origin';
import { cartSchema } from '@/lib/checkout/cart';
import { storedCartSchema } from '@/lib/checkout/cart-rules';
import { cookies } from 'next/headers';
import { browserCookie, browserToken, BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { AppError } from '@/lib/errors';
import { errorResponse, parseJsonBody } from '@/lib/http';

const bodySchema = z.strictObject({
  cart: z.union([cartSchema, storedCartSchema]),
  /** One per checkout page view (a UUID): makes a double click create one session, not two. */
  attemptId: z.uuid(),
});

export async function POST(request: Request) {
  try {
    const { cart: asked, attemptId } = await parseJsonBody(request, bodySchema);
    const token = browserToken((await cookies()).get(BROWSER_COOKIE)?.value, attemptId);
    const origin = appOrigin(request);
    // `stored`: the browser's cart in the database, read here from its cookie, with the catalog's prices.
    const cart = asked.kind === 'stored' ? await storedCheckoutCart(token) : asked;
    if (!cart) throw new AppError('cart_empty', 409, 'Stored cart is empty', 'Your cart is empty. Please choose from the shop.');
    const session = await createCheckoutSession(cart, attemptId, token, origin);
    const response = NextResponse.json({ clientSecret: session.clientSecret }, { status: 201 });
    response.cookies.set(browserCookie(token, origin));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/sessions');
  }
}
