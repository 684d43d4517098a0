import { setShippingAddress } from '@/lib/actions/set-shipping-address';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// The buyer's shipping address: the server sets it on the session (the browser may not, by the session's
// permissions), with the shipping options and tax it decides for that destination, in one Stripe update.
export const POST = buyerActionRoute(CHECKOUT_UPDATES.shippingAddress, (body, browserToken) =>
  setShippingAddress({ sessionId: body.checkout_session_id, shipping: body.shipping_details, browserToken }),
);
