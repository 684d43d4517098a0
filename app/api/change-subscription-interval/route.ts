import { changeSubscriptionInterval } from '@/lib/actions/change-subscription-interval';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// The seed page's endpoint and contract: {checkout_session_id, interval} in, {type: 'success'} out.
export const POST = buyerActionRoute(CHECKOUT_UPDATES.interval, (body, browserToken) =>
  changeSubscriptionInterval({ sessionId: body.checkout_session_id, interval: body.interval, browserToken }),
);
