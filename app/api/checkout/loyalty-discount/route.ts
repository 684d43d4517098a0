import { applyLoyaltyDiscount } from '@/lib/actions/apply-loyalty-discount';
import { CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { buyerActionRoute } from '@/lib/buyer-action-route';

// The preview profile's server-decided discount: the browser names the session only; whether the cart
// earns the discount, and how much, is the server's rule (lib/checkout/loyalty-discount.ts).
export const POST = buyerActionRoute(CHECKOUT_UPDATES.loyaltyDiscount, (body, browserToken) =>
  applyLoyaltyDiscount({ sessionId: body.checkout_session_id, browserToken }),
);
