import { z } from 'zod';
import { changeCrossSell } from '@/lib/actions/change-cross-sell';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';

// The seed's own example of a narrow endpoint: "add cross-sell items". The browser names a product; what
// may be added (and at what price) is the server's rule.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  product_id: z.string().max(100),
  action: z.enum(['add', 'remove']),
});

export const POST = buyerActionRoute('POST /api/checkout/cross-sell', bodySchema, (body, browserToken) =>
  changeCrossSell({ sessionId: body.checkout_session_id, productId: body.product_id, action: body.action, browserToken }),
);
