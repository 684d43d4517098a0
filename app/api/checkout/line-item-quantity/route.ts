import { z } from 'zod';
import { changeLineItemQuantity } from '@/lib/actions/change-line-item-quantity';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { MAX_QUANTITY } from '@/lib/checkout/line-items';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';

// A buyer changes a line's quantity at checkout (0 removes it). The stock check and the hold happen here,
// which is why sessions never enable Stripe.js's own adjustable quantities.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  line_item_id: z.string().max(255).regex(/^li_\w+$/),
  quantity: z.number().int().min(0).max(MAX_QUANTITY),
});

export const POST = buyerActionRoute('POST /api/checkout/line-item-quantity', bodySchema, (body, browserToken) =>
  changeLineItemQuantity({ sessionId: body.checkout_session_id, lineItemId: body.line_item_id, quantity: body.quantity, browserToken }),
);
