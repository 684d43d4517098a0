import 'server-only';
import { and, asc, eq, gt, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { ALL_PRODUCTS, type Product } from '@/lib/catalog';
import { findShortage, shortageMessage, type HoldLine } from '@/lib/checkout/stock';
import { OutOfStockError } from '@/lib/errors';
import type { Database } from '@/lib/db/client';
import { holds, inventory } from '@/lib/db/schema';

/** Gives every catalog product without an inventory row its starting stock; existing rows are left alone. */
export async function seedInventory(db: Database, products: readonly Pick<Product, 'id' | 'stock'>[] = ALL_PRODUCTS): Promise<void> {
  if (products.length === 0) return;
  await db
    .insert(inventory)
    .values(products.map((product) => ({ productId: product.id, stock: product.stock })))
    .onConflictDoNothing();
}

/** Units held per product by open, unexpired holds, leaving out one reservation's own. */
async function heldByOthers(db: Pick<Database, 'select'>, productIds: string[], now: Date, reservationId?: string) {
  const rows = await db
    .select({ productId: holds.productId, held: sql<number>`sum(${holds.quantity})::int` })
    .from(holds)
    .where(
      and(
        inArray(holds.productId, productIds),
        gt(holds.expiresAt, now),
        reservationId === undefined ? undefined : ne(holds.reservationId, reservationId),
      ),
    )
    .groupBy(holds.productId);
  return new Map(rows.map((row) => [row.productId, Number(row.held)]));
}

/** Available units per product: stock − units held by open, unexpired holds. */
export async function availableStock(db: Database, now = new Date()): Promise<Map<string, number>> {
  const rows = await db.select().from(inventory);
  const held = await heldByOthers(db, rows.map((row) => row.productId), now);
  return new Map(rows.map((row) => [row.productId, row.stock - (held.get(row.productId) ?? 0)]));
}

/** A transaction on the store's database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Sets one reservation's holds to exactly these lines (absolute quantities: a retried request does not hold
 * twice), or throws OutOfStockError and holds nothing. Race-free with many connections: the products'
 * inventory rows are locked (FOR UPDATE, in id order so two carts cannot deadlock) before the holds of
 * others are counted, so two buyers of the last unit are decided one after the other.
 * A hold already attached to a session keeps that session's expiry.
 */
export async function placeHolds(
  db: Database,
  request: { reservationId: string; lines: readonly HoldLine[]; expiresAt: Date; now?: Date },
): Promise<void> {
  await db.transaction((tx) => writeHolds(tx, request));
}

async function writeHolds(
  tx: Transaction,
  { reservationId, sessionId = null, lines, expiresAt, now = new Date() }: { reservationId: string; sessionId?: string | null; lines: readonly HoldLine[]; expiresAt: Date; now?: Date },
): Promise<void> {
  const productIds = lines.map((line) => line.productId);
  const rows = productIds.length
    ? await tx.select().from(inventory).where(inArray(inventory.productId, productIds)).orderBy(asc(inventory.productId)).for('update')
    : [];
  const held = productIds.length ? await heldByOthers(tx, productIds, now, reservationId) : new Map<string, number>();
  const available = new Map(rows.map((row) => [row.productId, row.stock - (held.get(row.productId) ?? 0)]));
  const shortage = findShortage(lines, available);
  if (shortage) throw new OutOfStockError(shortage.productId, shortage.available, shortageMessage(shortage.productId, shortage.available));

  await tx
    .delete(holds)
    .where(and(eq(holds.reservationId, reservationId), productIds.length ? notInArray(holds.productId, productIds) : undefined));
  if (lines.length === 0) return;
  await tx
    .insert(holds)
    .values(lines.map((line) => ({ reservationId, sessionId, productId: line.productId, quantity: line.quantity, expiresAt })))
    .onConflictDoUpdate({
      target: [holds.reservationId, holds.productId],
      set: {
        quantity: sql`excluded.quantity`,
        expiresAt: sql`case when ${holds.sessionId} is null then excluded.expires_at else ${holds.expiresAt} end`,
      },
    });
}

/**
 * Runs `work` in a transaction that holds this Checkout Session's lock: two requests about one session (two
 * tabs) run one after the other, each on the state the other left, never interleaved.
 */
export async function withSessionLock<T>(db: Database, sessionId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`checkout:${sessionId}`}))`);
    return work(tx);
  });
}

/** The reservation whose holds belong to a session (made when it was created), or a new one named after it. */
async function reservationOf(tx: Transaction, sessionId: string): Promise<string> {
  const [row] = await tx.select({ reservationId: holds.reservationId }).from(holds).where(eq(holds.sessionId, sessionId)).limit(1);
  return row?.reservationId ?? `session:${sessionId}`;
}

/** What a session may hold of each product: stock less what other checkouts hold (its own holds don't count). */
export async function availableToSession(tx: Transaction, sessionId: string, productIds: readonly string[], now = new Date()): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const reservationId = await reservationOf(tx, sessionId);
  const rows = await tx.select().from(inventory).where(inArray(inventory.productId, [...productIds]));
  const held = await heldByOthers(tx, [...productIds], now, reservationId);
  return new Map(rows.map((row) => [row.productId, row.stock - (held.get(row.productId) ?? 0)]));
}

/** Sets a live session's holds to exactly its lines, in the caller's transaction (see withSessionLock). */
export async function setSessionHolds(tx: Transaction, sessionId: string, lines: readonly HoldLine[], expiresAt: Date): Promise<void> {
  await writeHolds(tx, { reservationId: await reservationOf(tx, sessionId), sessionId, lines, expiresAt });
}

/** Ties a reservation's holds to the Checkout Session Stripe made for it, expiring with that session. */
export async function attachSession(db: Database, reservationId: string, sessionId: string, expiresAt: Date): Promise<void> {
  await db.update(holds).set({ sessionId, expiresAt }).where(eq(holds.reservationId, reservationId));
}

/**
 * Releases a reservation whose session was never made (Stripe failed). Holds already attached to a session
 * (an earlier try of the same request succeeded) stay: that session is live.
 */
export async function releaseReservation(db: Database, reservationId: string): Promise<void> {
  await db.delete(holds).where(and(eq(holds.reservationId, reservationId), isNull(holds.sessionId)));
}

/** A product's stock and what is held of it now, for tests and the bench. */
export async function stockOf(db: Database, productId: string, now = new Date()): Promise<{ stock: number; held: number }> {
  const [row] = await db.select().from(inventory).where(eq(inventory.productId, productId));
  const held = await heldByOthers(db, [productId], now);
  return { stock: row?.stock ?? 0, held: held.get(productId) ?? 0 };
}
