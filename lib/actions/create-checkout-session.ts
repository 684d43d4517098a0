import 'server-only';
import { createHash } from 'node:crypto';
import type { Cart } from '@/lib/checkout/cart';
import { bindingTag } from '@/lib/checkout/session-binding';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { holdLinesForCart } from '@/lib/checkout/stock';
import { database } from '@/lib/db/client';
import { attachSession, placeHolds, releaseReservation } from '@/lib/db/inventory';
import { env } from '@/lib/env';
import { withCatalogIds } from '@/lib/stripe/catalog';
import { createCheckout } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/**
 * How long holds last before Stripe has answered with the session (and its own `expires_at`): if this process
 * dies between the two, the units come back on their own.
 */
const PROVISIONAL_HOLD_MS = 15 * 60_000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Creates the Checkout Session for a cart. The browser sends an attempt id, one per checkout page view.
 * The cart's units are held first, under a reservation named by the attempt and the cart (the session has
 * no id yet), so a retry sets the same holds again rather than adding to them; out of stock throws before
 * Stripe is called. The Stripe idempotency key names the attempt and everything sent, so a double click or
 * a retried request gets the same session back. If Stripe fails, the holds go in the same request.
 * `origin` is where the buyer returns (lib/app-origin.ts).
 */
export async function createCheckoutSession(cart: Cart, attemptId: string, browserToken: string, origin: string) {
  const { apiVersion } = env();
  const reservationId = `checkout-create-${digest(`${attemptId}:${JSON.stringify(cart)}`)}`;
  const lines = holdLinesForCart(cart);
  const db = lines.length > 0 ? await database() : null;
  if (db) await placeHolds(db, { reservationId, lines, expiresAt: new Date(Date.now() + PROVISIONAL_HOLD_MS) });
  try {
    const session = await withCatalogIds((ids) => {
      const params = sessionCreateParams(cart, ids, {
        profile: isSeedProfile(apiVersion) ? 'seed' : 'ga',
        returnUrl: `${origin}/checkout/return`,
        bindingTag: bindingTag(browserToken),
      });
      // Fresh catalog ids (after a re-seed) or another browser reusing the attempt id make a request of their own.
      return createCheckout(params, `checkout-create-${digest(`${attemptId}:${JSON.stringify(params)}`)}`);
    });
    if (db) await attachSession(db, reservationId, session.id, new Date(session.expiresAt * 1000));
    return session;
  } catch (error) {
    if (db) await releaseReservation(db, reservationId);
    throw error;
  }
}
