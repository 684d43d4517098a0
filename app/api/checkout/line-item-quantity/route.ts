import { changeLineItemQuantity } from '@/lib/actions/change-line-item-quantity';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// A buyer changes a line's quantity at checkout (0 removes it). The stock check and the hold happen here,
// which is why sessions never enable Stripe.js's own adjustable quantities.
export const POST = buyerActionRoute(CHECKOUT_UPDATES.quantity, (body, browserToken) =>
  changeLineItemQuantity({
    sessionId: body.checkout_session_id,
    lineItemId: body.line_item_id,
    quantity: body.quantity,
    browserToken,
  }),
);
