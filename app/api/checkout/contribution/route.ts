import { setContribution } from '@/lib/actions/set-contribution';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// The growers' cooperative contribution (the seed's sibling page, payment amounts): the browser names a share;
// the amount is the server's, from the paid subtotal (lib/checkout/contribution.ts).
export const POST = buyerActionRoute(CHECKOUT_UPDATES.contribution, (body, browserToken) =>
  setContribution({ sessionId: body.checkout_session_id, percent: body.percent, browserToken }),
);
