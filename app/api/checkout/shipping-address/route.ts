import { z } from 'zod';
import { setShippingAddress } from '@/lib/actions/set-shipping-address';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { shippingDetailsSchema } from '@/lib/checkout/shipping-address';

// The buyer's shipping address: the server sets it on the session (the browser may not, by the session's
// permissions), with the shipping options and tax it decides for that destination, in one Stripe update.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  shipping_details: shippingDetailsSchema,
});

export const POST = buyerActionRoute('POST /api/checkout/shipping-address', bodySchema, (body, browserToken) =>
  setShippingAddress({ sessionId: body.checkout_session_id, shipping: body.shipping_details, browserToken }),
);
