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

/**
 * Sets one reservation's holds to exactly these lines (absolute quantities: a retried request does not hold
 * twice), or throws OutOfStockError and holds nothing. Race-free with many connections: the products'
 * inventory rows are locked (FOR UPDATE, in id order so two carts cannot deadlock) before the holds of
 * others are counted, so two buyers of the last unit are decided one after the other.
 * A hold already attached to a session keeps that session's expiry.
 */
export async function placeHolds(
  db: Database,
  { reservationId, lines, expiresAt, now = new Date() }: { reservationId: string; lines: readonly HoldLine[]; expiresAt: Date; now?: Date },
): Promise<void> {
  const productIds = lines.map((line) => line.productId);
  await db.transaction(async (tx) => {
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
      .values(lines.map((line) => ({ reservationId, productId: line.productId, quantity: line.quantity, expiresAt })))
      .onConflictDoUpdate({
        target: [holds.reservationId, holds.productId],
        set: {
          quantity: sql`excluded.quantity`,
          expiresAt: sql`case when ${holds.sessionId} is null then excluded.expires_at else ${holds.expiresAt} end`,
        },
      });
  });
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
