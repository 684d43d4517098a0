import { changeCrossSell } from '@/lib/actions/change-cross-sell';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// The seed's own example of a narrow endpoint: "add cross-sell items". The browser names a product; what
// may be added (and at what price) is the server's rule.
export const POST = buyerActionRoute(CHECKOUT_UPDATES.crossSell, (body, browserToken) =>
  changeCrossSell({
    sessionId: body.checkout_session_id,
    productId: body.product_id,
    action: body.action,
    browserToken,
  }),
);
