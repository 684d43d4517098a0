import { z } from 'zod';
import { changeSubscriptionInterval } from '@/lib/actions/change-subscription-interval';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';

// The seed page's endpoint and contract: {checkout_session_id, interval} in, {type: 'success'} out.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  interval: z.enum(['monthly', 'yearly']),
});

export const POST = buyerActionRoute('POST /api/change-subscription-interval', bodySchema, (body, browserToken) =>
  changeSubscriptionInterval({ sessionId: body.checkout_session_id, interval: body.interval, browserToken }),
);
