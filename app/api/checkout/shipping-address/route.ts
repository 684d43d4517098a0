import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { setShippingAddress } from '@/lib/actions/set-shipping-address';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { shippingDetailsSchema } from '@/lib/checkout/shipping-address';
import { errorResponse, parseJsonBody } from '@/lib/http';

// The buyer's shipping address: the server sets it on the session (the browser may not, by the session's
// permissions), with the shipping options and tax it decides for that destination, in one Stripe update.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  shipping_details: shippingDetailsSchema,
});

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    await setShippingAddress({
      sessionId: body.checkout_session_id,
      shipping: body.shipping_details,
      browserToken: (await cookies()).get(BROWSER_COOKIE)?.value,
    });
    return NextResponse.json({ type: 'success' });
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/shipping-address');
  }
}
