import { z } from 'zod';
import { setContribution } from '@/lib/actions/set-contribution';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { isContributionPercent } from '@/lib/checkout/contribution';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';

// The growers' cooperative contribution (the seed's sibling page, payment amounts): the browser names a share;
// the amount is the server's, from the paid subtotal (lib/checkout/contribution.ts).
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  percent: z.number().int().refine(isContributionPercent, 'not an offered share'),
});

export const POST = buyerActionRoute('POST /api/checkout/contribution', bodySchema, (body, browserToken) =>
  setContribution({ sessionId: body.checkout_session_id, percent: body.percent as 0 | 2 | 5, browserToken }),
);
