import 'server-only';
import { createHash } from 'node:crypto';
import type { Cart } from '@/lib/checkout/cart';
import { bindingTag } from '@/lib/checkout/session-binding';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { env } from '@/lib/env';
import { withCatalogIds } from '@/lib/stripe/catalog';
import { createCheckout } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/**
 * Creates the Checkout Session for a cart. The browser sends an attempt id, one per checkout page view:
 * with the cart it makes the Stripe idempotency key, so a double click or a retried request gets the same
 * session back from Stripe instead of a second one. `origin` is where the buyer returns (lib/app-origin.ts).
 */
export async function createCheckoutSession(cart: Cart, attemptId: string, browserToken: string, origin: string) {
  const { apiVersion } = env();
  return withCatalogIds((ids) => {
    const params = sessionCreateParams(cart, ids, {
      profile: isSeedProfile(apiVersion) ? 'seed' : 'ga',
      returnUrl: `${origin}/checkout/return`,
      bindingTag: bindingTag(browserToken),
    });
    // The key names the attempt and everything sent: a retry of the same request replays it, while fresh
    // catalog ids (after a re-seed) or another browser reusing the attempt id make a request of their own.
    const idempotencyKey = `checkout-create-${createHash('sha256').update(`${attemptId}:${JSON.stringify(params)}`).digest('hex')}`;
    return createCheckout(params, idempotencyKey);
  });
}
