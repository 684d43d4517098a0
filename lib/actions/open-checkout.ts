import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { storedCheckoutCart } from '@/lib/actions/cart';
import { changeCheckout } from '@/lib/actions/checkout-pipeline';
import { fulfilCheckout } from '@/lib/actions/fulfil-checkout';
import { limitCheckoutCreation } from '@/lib/actions/rate-limit';
import type { Cart } from '@/lib/checkout/cart';
import type { CheckoutCart } from '@/lib/checkout/cart-rules';
import { becomeCart, sameCart } from '@/lib/checkout/checkout-cart';
import { productsOfSession } from '@/lib/checkout/plan-change';
import { bindingTag } from '@/lib/session-binding';
import { RESUME_MIN_SECONDS, sessionExpiresAt } from '@/lib/checkout/session-expiry';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { holdLinesForCart } from '@/lib/checkout/stock';
import {
  endCheckout,
  findOpenCheckout,
  recordCheckout,
  CheckoutTakenError,
  type CheckoutKind,
  type CheckoutRecord,
} from '@/lib/db/checkouts';
import { database, type Database } from '@/lib/db/client';
import { placeHolds, releaseReservation } from '@/lib/db/inventory';
import { releaseLease, tryLease } from '@/lib/db/leases';
import { env } from '@/lib/env';
import { AppError, CheckoutBusyError, ConflictError } from '@/lib/errors';
import { log } from '@/lib/log';
import { withCatalogIds } from '@/lib/stripe/catalog';
import { createCheckout, expireCheckout, retrieveCheckout } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/** How long holds last before Stripe has answered with the session: if this process dies between the two, they end. */
const PROVISIONAL_HOLD_MS = 5 * 60_000;
const OPEN_LEASE_MS = 20_000;
const OPEN_WAIT_MS = 8_000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

// A retried creation of the same attempt ("Try again" after an answer was lost) must send the same parameters, or
// Stripe's idempotency refuses the key (same key, other parameters): so the expiry an attempt was first given is
// kept, in this process, for the minute of slack it has. Another instance computes its own: then another key, and at worst a
// second session nobody holds a client secret for, which expires unpaid.
const ATTEMPT_EXPIRIES_KEPT = 1_000;
const attemptExpiries = new Map<string, number>();
function expiryOf(attemptId: string, holdMinutes: number): number {
  const known = attemptExpiries.get(attemptId);
  // Kept only while Stripe would still take it (at least the hold's minutes ahead): the minute of slack.
  if (known !== undefined && known - Date.now() / 1000 >= holdMinutes * 60) return known;
  const expiresAt = sessionExpiresAt(holdMinutes);
  attemptExpiries.set(attemptId, expiresAt);
  if (attemptExpiries.size > ATTEMPT_EXPIRIES_KEPT) attemptExpiries.delete(attemptExpiries.keys().next().value!);
  return expiresAt;
}

/** What a checkout is made from: the browser's stored cart, a "Buy now" link's products, or a plan at an interval. */
function sourceOf(cart: CheckoutCart): string {
  if (cart.kind === 'stored') return 'cart';
  if (cart.kind === 'plan') return `plan:${cart.planId}:${cart.interval}`;
  return `link:${digest(JSON.stringify(cart.items)).slice(0, 32)}`;
}

export type OpenedCheckout = { id: string; clientSecret: string; resumed: boolean };

/**
 * Opens the browser's checkout: the one it already has when that is open and made from the same thing (a reload,
 * a second tab, Back), otherwise a new one. A browser has at most one open checkout of each kind (products; a
 * plan): a new one expires the earlier at Stripe and releases its holds first, and the database's unique index
 * holds it even across servers. A resumed checkout of the stored cart follows the cart if it changed meanwhile.
 * Creating one is limited per client address (lib/actions/rate-limit.ts); its units are held before Stripe is
 * called and released if Stripe fails. Calls for one browser and kind are serialised by a lease, never a lock.
 */
export async function openCheckout(request: {
  cart: CheckoutCart;
  attemptId: string;
  browserToken: string;
  origin: string;
  clientAddress: string;
}): Promise<OpenedCheckout> {
  const db = await database();
  const ownerTag = bindingTag(request.browserToken);
  const kind: CheckoutKind = request.cart.kind === 'plan' ? 'plan' : 'payment';
  const source = sourceOf(request.cart);
  const lease = { key: `open:${ownerTag}:${kind}`, holder: randomUUID() };
  await waitForLease(db, lease.key, lease.holder);
  try {
    const existing = await findOpenCheckout(db, ownerTag, kind);
    if (existing) {
      const resumed = await resumeOrEnd(db, existing, source, request.browserToken);
      if (resumed) return resumed;
    }
    const cart = request.cart.kind === 'stored' ? await storedCheckoutCart(request.browserToken) : request.cart;
    if (!cart)
      throw new AppError('cart_empty', 409, 'Stored cart is empty', 'Your cart is empty. Please choose from the shop.');
    await limitCheckoutCreation(db, request.clientAddress);
    return { ...(await createCheckoutSession(db, { ...request, cart, ownerTag, kind, source })), resumed: false };
  } finally {
    await releaseLease(db, lease.key, lease.holder).catch((error: unknown) =>
      log.warn('checkout.lease_release_failed', { error }),
    );
  }
}

async function waitForLease(db: Database, key: string, holder: string) {
  const deadline = Date.now() + OPEN_WAIT_MS;
  while (!(await tryLease(db, key, holder, OPEN_LEASE_MS))) {
    if (Date.now() > deadline)
      throw new CheckoutBusyError(
        `Lease ${key} is busy`,
        'Your checkout is being prepared in another window. Please try again.',
      );
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 100));
  }
}

/**
 * The browser's open checkout, resumed when it is made from the same thing and has time left; otherwise ended
 * (expired at Stripe, its holds released) so a new one can be made. One found paid is recorded as an order here
 * if no webhook has done it yet (exactly once: lib/db/orders.ts), so its cart lines fall before the cart is read.
 */
async function resumeOrEnd(
  db: Database,
  existing: CheckoutRecord,
  source: string,
  browserToken: string,
): Promise<OpenedCheckout | null> {
  const session = await retrieveCheckout(existing.sessionId);
  const timeLeft = session.expiresAt - Math.floor(Date.now() / 1000);
  if (
    session.status === 'open' &&
    existing.source === source &&
    timeLeft > RESUME_MIN_SECONDS &&
    session.clientSecret
  ) {
    if (source === 'cart' && session.mode === 'payment') await followStoredCart(session, browserToken);
    return { id: session.id, clientSecret: session.clientSecret, resumed: true };
  }
  const status = session.status === 'open' ? await expireCheckout(session.id) : session.status;
  if (status === 'complete') {
    await fulfilCheckout(session.id, 'reconcile');
    await endCheckout(db, session.id, 'complete');
  } else {
    const released = await endCheckout(db, session.id, 'expired');
    log.info('checkout.replaced', { session: session.id, status, released });
  }
  return null;
}

/** A resumed checkout of the stored cart shows the cart as it is now (it changed while no checkout could follow). */
async function followStoredCart(session: Awaited<ReturnType<typeof retrieveCheckout>>, browserToken: string) {
  const cart = await storedCheckoutCart(browserToken);
  if (!cart || cart.kind !== 'products') return;
  const wanted = cart.items.map(({ productId, quantity }) => ({ productId, quantity }));
  const current = productsOfSession(session);
  const same = sameCart(
    current.map((line) => ({ ...line, lineId: null })),
    wanted.map((line) => ({ ...line, lineId: null })),
  );
  if (!same) await changeCheckout({ sessionId: session.id, browserToken }, () => ({ intent: becomeCart(wanted) }));
}

/**
 * Makes the Checkout Session for a cart. Its units are held first, under a reservation named by the attempt
 * (the session has no id yet), so out of stock answers before Stripe is called; the session is recorded with
 * its holds (from then on named by it, and expiring with it). The idempotency key names the attempt and what
 * is sent (its expiry aside), so a retried request gets the same session back. If Stripe fails, the holds go.
 */
async function createCheckoutSession(
  db: Database,
  request: {
    cart: Cart;
    attemptId: string;
    browserToken: string;
    origin: string;
    ownerTag: string;
    kind: CheckoutKind;
    source: string;
  },
): Promise<{ id: string; clientSecret: string }> {
  const { apiVersion, checkout } = env();
  const reservationId = `create:${digest(`${request.attemptId}:${JSON.stringify(request.cart)}`)}`;
  const lines = holdLinesForCart(request.cart);
  if (lines.length > 0)
    await placeHolds(db, { reservationId, lines, expiresAt: new Date(Date.now() + PROVISIONAL_HOLD_MS) });
  try {
    const session = await withCatalogIds((ids) => {
      const params = sessionCreateParams(request.cart, ids, {
        profile: isSeedProfile(apiVersion) ? 'seed' : 'ga',
        returnUrl: `${request.origin}/checkout/return`,
        bindingTag: request.ownerTag,
        expiresAt: expiryOf(request.attemptId, checkout.holdMinutes),
      });
      // The key names the attempt and everything sent: fresh catalog ids (after a re-seed) or another browser
      // reusing the attempt id make a request of their own.
      return createCheckout(params, `checkout-create-${digest(`${request.attemptId}:${JSON.stringify(params)}`)}`);
    });
    try {
      await recordCheckout(db, {
        sessionId: session.id,
        ownerTag: request.ownerTag,
        kind: request.kind,
        source: request.source,
        expiresAt: new Date(session.expiresAt * 1000),
        reservationId,
      });
    } catch (error) {
      if (!(error instanceof CheckoutTakenError)) throw error;
      // Another server opened this browser's checkout at the same moment: keep that one, end ours.
      await expireCheckout(session.id).catch(() => undefined);
      throw new ConflictError(error.message, 'Your checkout was opened in another window. Please reload the page.');
    }
    return session;
  } catch (error) {
    await releaseReservation(db, reservationId);
    throw error;
  }
}
