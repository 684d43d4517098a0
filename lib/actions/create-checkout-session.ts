import 'server-only';
import { createHash } from 'node:crypto';
import type { Cart } from '@/lib/checkout/cart';
import { bindingTag } from '@/lib/checkout/session-binding';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { holdLinesForCart } from '@/lib/checkout/stock';
import { database } from '@/lib/db/client';
import { attachSession, placeHolds, releaseReservation } from '@/lib/db/inventory';
import { env } from '@/lib/env';
import { catalogIds } from '@/lib/stripe/catalog';
import { createCheckout } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/**
 * How long holds last before Stripe has answered with the session (and its own `expires_at`): if this process
 * dies between the two, the units come back on their own.
 */
const PROVISIONAL_HOLD_MS = 15 * 60_000;

/**
 * Creates the Checkout Session for a cart. The browser sends an attempt id, one per checkout page view:
 * with the cart it makes the Stripe idempotency key, so a double click or a retried request gets the same
 * session back from Stripe instead of a second one. The cart's units are held first, under a reservation
 * named by that key (the session has no id yet), so a retry sets the same holds again rather than adding
 * to them; out of stock throws before Stripe is called. If Stripe fails, the holds go in the same request.
 */
export async function createCheckoutSession(cart: Cart, attemptId: string, browserToken: string) {
  const { appUrl, apiVersion } = env();
  const params = sessionCreateParams(cart, await catalogIds(), {
    profile: isSeedProfile(apiVersion) ? 'seed' : 'ga',
    returnUrl: `${appUrl}/checkout/return`,
    bindingTag: bindingTag(browserToken),
  });
  const idempotencyKey = `checkout-create-${createHash('sha256').update(`${attemptId}:${JSON.stringify(cart)}`).digest('hex')}`;
  const lines = holdLinesForCart(cart);
  if (lines.length === 0) return createCheckout(params, idempotencyKey);

  const db = await database();
  await placeHolds(db, { reservationId: idempotencyKey, lines, expiresAt: new Date(Date.now() + PROVISIONAL_HOLD_MS) });
  const session = await createCheckout(params, idempotencyKey).catch(async (error: unknown) => {
    await releaseReservation(db, idempotencyKey);
    throw error;
  });
  await attachSession(db, idempotencyKey, session.id, new Date(session.expiresAt * 1000));
  return session;
}
