import 'server-only';
import { randomUUID } from 'node:crypto';
import { loadBoundCheckout } from '@/lib/actions/load-bound-checkout';
import { cartOfSession } from '@/lib/checkout/checkout-cart';
import type { ProductLine } from '@/lib/checkout/product-line';
import { planChange, type CheckoutChange, type PlannedChange } from '@/lib/checkout/plan-change';
import type { CheckoutSnapshot } from '@/lib/checkout/types';
import { abandonChange, beginChange, settleChange } from '@/lib/db/checkout-changes';
import { database, type Database } from '@/lib/db/client';
import { holdUnits } from '@/lib/db/inventory';
import { env } from '@/lib/env';
import { CheckoutBusyError, OutOfStockError, PaidCheckoutError } from '@/lib/errors';
import { log } from '@/lib/log';
import { shortageMessage } from '@/lib/checkout/stock';
import { isStaleCatalogError, withCatalogIds } from '@/lib/stripe/catalog';
import { retrieveCheckout, UpdateNotAppliedError, updateSession } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/** Who asks: the session, and this browser's cookie token (the session must carry its tag). */
export type CheckoutAction = { sessionId: string; browserToken: string | undefined };

/** What the action asks for, given what this session may hold of each product (stock less others' holds). */
export type ChangeFor = (available: ReadonlyMap<string, number>) => CheckoutChange;

// Stripe.js gives up on runServerUpdate after 20 s and keeps the old session. An action finishes inside that:
// at most LEASE_WAIT_MS waiting for another tab's change, then its own Stripe calls and read-back by
// ACTION_BUDGET_MS after it started. The lease outlives both, so it never lapses under a live change, and frees
// itself if the process dies.
const LEASE_WAIT_MS = 6_000;
const ACTION_BUDGET_MS = 15_000;
const LEASE_MS = 20_000;
const LEASE_POLL_MS = 100;

/**
 * The one pipeline every buyer change at checkout runs through (quantity, remove, cross-sell, shipping address,
 * loyalty discount, interval switch):
 *   1. take the session's lease, reading what it may hold                 (database, one statement)
 *   2. load the bound, open session                                        (Stripe call 1)
 *   3. decide with the pure rules: one planned update (lib/checkout/plan-change.ts)
 *   4. hold the larger of before and after, checked against the stock      (database, one statement)
 *   5. send the one update, reading back on an unknown outcome             (Stripe call 2)
 *   6. settle: holds = what Stripe holds, the cart written through, lease given back (database, one statement)
 * No transaction, lock or connection is held across a Stripe call: between 4 and 6 nothing can be oversold
 * (the larger quantity is held), and the lease keeps two tabs' changes one after the other.
 */
export async function changeCheckout(
  input: CheckoutAction,
  changeFor: ChangeFor,
  mode: CheckoutSnapshot['mode'] = 'payment',
): Promise<void> {
  const started = Date.now();
  const db = await database();
  const holder = randomUUID();
  const { available, cartOwner } = await waitForLease(db, input.sessionId, holder, started + LEASE_WAIT_MS);
  let settled = false;
  let session: CheckoutSnapshot | null = null;
  let inFlight: ProductLine[] | null = null;
  let updated = false;
  try {
    session = await loadBoundCheckout({ ...input, mode });
    const bound = session;
    const expiresAt = new Date(bound.expiresAt * 1000);
    const plan = await withCatalogIds(async (ids) => {
      const planned = planChange(bound, changeFor(available), {
        available,
        ids,
        profile: isSeedProfile(env().apiVersion) ? 'seed' : 'ga',
      });
      if (!planned.update) return planned;
      inFlight = await holdInFlight(db, bound.id, planned, expiresAt);
      try {
        await updateSession(bound.id, planned.update, { landed: planned.landed, deadline: started + ACTION_BUDGET_MS });
        updated = true;
      } catch (error) {
        // A catalog id Stripe no longer knows: withCatalogIds looks them up again and plans once more.
        if (error instanceof UpdateNotAppliedError && isStaleCatalogError(error.cause)) throw error.cause;
        throw error;
      }
      return planned;
    });
    if (!plan.update) return;
    const cart = cartOwner && bound.mode === 'payment' ? { ownerTag: cartOwner, lines: plan.cart } : undefined;
    await settleChange(db, { sessionId: bound.id, holder, holds: inFlight && plan.holdsAfter, expiresAt, cart });
    settled = true;
  } catch (error) {
    // Stripe did not take the update (or its fate is unknown). A failure after Stripe took it (the database, at
    // settling) leaves the larger hold in place, which only keeps units off the shelf until the session ends.
    if (!settled && !updated && session && inFlight) {
      // The update did not take (or its fate is unknown): the holds become what Stripe holds, as far as we know.
      const stripeHolds = error instanceof UpdateNotAppliedError ? error.session : session;
      const stillInFlight =
        error instanceof UpdateNotAppliedError && error.mayStillLand && stripeHolds?.status === 'open';
      // The holds become what Stripe holds as last read (the larger hold stays only when Stripe could not be read at
      // all). An update whose answer never came could still land after the deadline: settleLater looks again once
      // it has had time to, and sets the holds to Stripe's lines then.
      const holds = !stripeHolds ? inFlight : stripeHolds.status === 'open' ? heldBy(stripeHolds) : [];
      await settleChange(db, { sessionId: session.id, holder, holds, expiresAt: new Date(session.expiresAt * 1000) });
      settled = true;
      if (stillInFlight) settleLater(session.id);
      if (error instanceof UpdateNotAppliedError && stripeHolds?.status === 'complete')
        throw paid(session.id, error.cause);
    }
    throw error instanceof UpdateNotAppliedError ? error.cause : error;
  } finally {
    if (!settled)
      await abandonChange(db, input.sessionId, holder).catch((error: unknown) =>
        log.warn('checkout.lease_release_failed', { error }),
      );
  }
}

/** Waits for the session's lease without holding a connection; another change still running past `deadline`: 409. */
async function waitForLease(db: Database, sessionId: string, holder: string, deadline: number) {
  for (;;) {
    const start = await beginChange(db, { sessionId, holder, leaseMs: LEASE_MS });
    if (start.acquired) return start;
    if (Date.now() + LEASE_POLL_MS > deadline) {
      throw new CheckoutBusyError(`Session ${sessionId} is being changed by another request`);
    }
    await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS + Math.random() * LEASE_POLL_MS));
  }
}

/** Holds, per product, the larger of before and after while the update is in flight; out of stock refuses it. */
async function holdInFlight(
  db: Database,
  sessionId: string,
  plan: PlannedChange,
  expiresAt: Date,
): Promise<ProductLine[] | null> {
  if (plan.holdsBefore.length === 0 && plan.holdsAfter.length === 0) return null;
  const larger = new Map(plan.holdsBefore.map((line) => [line.productId, line.quantity]));
  for (const line of plan.holdsAfter)
    larger.set(line.productId, Math.max(larger.get(line.productId) ?? 0, line.quantity));
  const lines = [...larger].map(([productId, quantity]) => ({ productId, quantity }));
  const shortage = await holdUnits(db, { reservationId: sessionId, sessionId, lines, expiresAt });
  if (shortage)
    throw new OutOfStockError(
      shortage.productId,
      shortage.available,
      shortageMessage(shortage.productId, shortage.available),
    );
  return lines;
}

const LATE_SETTLE_MS = 10_000;

/**
 * After an update that may have landed late: once it has had time to, take the session's lease (skipped if
 * another change holds it: that change settles the holds itself) and set the holds to what Stripe holds.
 * Best effort, in this process; until then the larger hold stands, which can only keep units off the shelf.
 */
function settleLater(sessionId: string): void {
  setTimeout(() => {
    void (async () => {
      const db = await database();
      const holder = randomUUID();
      if (!(await beginChange(db, { sessionId, holder, leaseMs: LEASE_MS })).acquired) return;
      const session = await retrieveCheckout(sessionId).catch(() => null);
      if (!session) return abandonChange(db, sessionId, holder);
      const holds = session.status === 'open' ? heldBy(session) : [];
      await settleChange(db, { sessionId, holder, holds, expiresAt: new Date(session.expiresAt * 1000) });
      log.info('checkout.settled_late', {
        session: sessionId,
        holds: holds.map((line) => `${line.quantity} × ${line.productId}`),
      });
    })().catch((error: unknown) => log.warn('checkout.late_settle_failed', { session: sessionId, error }));
  }, LATE_SETTLE_MS).unref();
}

/** The units a session's lines hold (payment mode): its products, gift included. */
const heldBy = (session: CheckoutSnapshot): ProductLine[] =>
  session.mode === 'payment'
    ? cartOfSession(session.lines).map(({ productId, quantity }) => ({ productId, quantity }))
    : [];

const paid = (sessionId: string, cause: unknown) =>
  new PaidCheckoutError(`Session ${sessionId} was paid before the change: ${(cause as Error)?.message ?? cause}`);
