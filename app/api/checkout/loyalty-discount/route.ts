import { z } from 'zod';
import { applyLoyaltyDiscount } from '@/lib/actions/apply-loyalty-discount';
import { buyerActionRoute } from '@/lib/buyer-action-route';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';

// The preview profile's server-decided discount: the browser names the session only; whether the cart
// earns the discount, and how much, is the server's rule (lib/checkout/loyalty-discount.ts).
const bodySchema = z.strictObject({ checkout_session_id: checkoutSessionIdSchema });

export const POST = buyerActionRoute('POST /api/checkout/loyalty-discount', bodySchema, (body, browserToken) =>
  applyLoyaltyDiscount({ sessionId: body.checkout_session_id, browserToken }),
);
