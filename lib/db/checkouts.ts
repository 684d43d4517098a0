import 'server-only';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { attachSession, releaseSession } from '@/lib/db/inventory';
import { checkouts } from '@/lib/db/schema';

/** A payment checkout (products) or a plan checkout (a subscription): a browser has at most one open of each. */
export type CheckoutKind = 'payment' | 'plan';
export type CheckoutRecord = typeof checkouts.$inferSelect;

/** The browser's open checkout of this kind, as this store last knew it (Stripe may since have ended it). */
export async function findOpenCheckout(
  db: Database,
  ownerTag: string,
  kind: CheckoutKind,
): Promise<CheckoutRecord | null> {
  const [row] = await db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.ownerTag, ownerTag), eq(checkouts.kind, kind), eq(checkouts.status, 'open')));
  return row ?? null;
}

export async function findCheckout(db: Database, sessionId: string): Promise<CheckoutRecord | null> {
  const [row] = await db.select().from(checkouts).where(eq(checkouts.sessionId, sessionId));
  return row ?? null;
}

/** Another open checkout of the same kind was recorded for this browser first (two servers raced). */
export class CheckoutTakenError extends Error {}

/**
 * Records a session Stripe has made, in one transaction with its holds (made under `reservationId` before the
 * session existed; from now on named by the session and expiring with it). The partial unique index refuses a
 * second open checkout of the kind for the browser: CheckoutTakenError, and the holds stay unattached.
 */
export async function recordCheckout(
  db: Database,
  checkout: {
    sessionId: string;
    ownerTag: string;
    kind: CheckoutKind;
    source: string;
    expiresAt: Date;
    reservationId: string | null;
  },
): Promise<void> {
  const { reservationId, ...row } = checkout;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(checkouts).values(row).onConflictDoNothing({ target: checkouts.sessionId });
      if (reservationId) await attachSession(tx, reservationId, row.sessionId, row.expiresAt);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CheckoutTakenError(`Browser already has an open ${row.kind} checkout`);
    throw error;
  }
}

const isUniqueViolation = (error: unknown): boolean => {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return (cause as { code?: unknown })?.code === '23505';
};

/**
 * Marks a checkout ended (`complete` or `expired`) and, in the same transaction, releases its holds: an expired
 * one gives its units back; a completed one's were taken by its order (lib/db/orders.ts), which deletes them too.
 * Returns how many hold rows were released.
 */
export async function endCheckout(db: Database, sessionId: string, status: 'complete' | 'expired'): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(checkouts)
      .set({ status })
      .where(and(eq(checkouts.sessionId, sessionId), eq(checkouts.status, 'open')));
    return status === 'expired' ? releaseSession(tx, sessionId) : 0;
  });
}

/** Checkouts this store still thinks open although their time is up (the sweep asks Stripe about each). */
export async function openCheckoutsPastExpiry(db: Database, now = new Date(), limit = 100): Promise<CheckoutRecord[]> {
  return db
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.status, 'open'), lte(checkouts.expiresAt, now)))
    .limit(limit);
}

/** Which of these sessions this store made (the reconciler acts on its own sessions only). */
export async function knownSessions(db: Database, sessionIds: readonly string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ sessionId: checkouts.sessionId })
    .from(checkouts)
    .where(inArray(checkouts.sessionId, [...sessionIds]));
  return new Set(rows.map((row) => row.sessionId));
}
