import 'server-only';
import { and, eq, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { ALL_PRODUCTS, type Product } from '@/lib/catalog';
import type { ProductLine } from '@/lib/checkout/product-line';
import { shortageMessage } from '@/lib/checkout/stock';
import { OutOfStockError } from '@/lib/errors';
import type { Database } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/raw';
import { holds, inventory } from '@/lib/db/schema';

/** Gives every catalog product without an inventory row its starting stock; existing rows are left alone. */
export async function seedInventory(
  db: Database,
  products: readonly Pick<Product, 'id' | 'stock'>[] = ALL_PRODUCTS,
): Promise<void> {
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

/**
 * Available units per product: stock − units held by open, unexpired holds. One statement (the home page reads it
 * on every request, and under load each round trip is another wait for the pool and the event loop).
 */
export async function availableStock(db: Database, now = new Date()): Promise<Map<string, number>> {
  const rows = await db
    .select({
      productId: inventory.productId,
      available: sql<number>`(${inventory.stock} - coalesce(sum(${holds.quantity}), 0))::int`,
    })
    .from(inventory)
    .leftJoin(holds, and(eq(holds.productId, inventory.productId), gt(holds.expiresAt, now)))
    .groupBy(inventory.productId, inventory.stock);
  return new Map(rows.map((row) => [row.productId, Number(row.available)]));
}

/** A transaction on the store's database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The first product a hold could not get, and how many of it are left; null when every line was held. */
export type Shortage = { productId: string; available: number };

/**
 * Sets one reservation's holds to exactly these lines (absolute quantities: a retried request does not hold
 * twice; a line at 0 or left out is released), or changes nothing and names the first product that is short.
 * One round trip: the `hold_units` function (migration 0005) locks the products' inventory rows and counts the
 * others' unexpired holds inside one statement, so two buyers of the last unit are decided one after the other,
 * and no transaction stays open in the app.
 */
export async function holdUnits(
  db: Database,
  {
    reservationId,
    sessionId = null,
    lines,
    expiresAt,
    now = new Date(),
  }: { reservationId: string; sessionId?: string | null; lines: readonly ProductLine[]; expiresAt: Date; now?: Date },
): Promise<Shortage | null> {
  const payload = JSON.stringify(lines.map((line) => ({ product_id: line.productId, quantity: line.quantity })));
  const result = await db.execute(
    sql`select short_product, short_available from hold_units(${reservationId}, ${sessionId}, ${payload}::jsonb, ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`,
  );
  const [row] = rowsOf<{ short_product: string; short_available: number }>(result);
  return row ? { productId: row.short_product, available: Number(row.short_available) } : null;
}

/** Holds these lines for a reservation, or throws OutOfStockError (naming the product and what is left) and holds nothing. */
export async function placeHolds(
  db: Database,
  request: {
    reservationId: string;
    sessionId?: string | null;
    lines: readonly ProductLine[];
    expiresAt: Date;
    now?: Date;
  },
): Promise<void> {
  const shortage = await holdUnits(db, request);
  if (shortage)
    throw new OutOfStockError(
      shortage.productId,
      shortage.available,
      shortageMessage(shortage.productId, shortage.available),
    );
}

/**
 * Ties a reservation's holds to the Checkout Session Stripe made for it: from now on the session's id names its
 * holds (every later change addresses them by it), and they expire with the session.
 */
export async function attachSession(
  db: Database | Transaction,
  reservationId: string,
  sessionId: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .update(holds)
    .set({ reservationId: sessionId, sessionId, expiresAt })
    .where(eq(holds.reservationId, reservationId));
}

/**
 * Releases a reservation whose session was never made (Stripe failed). Holds already attached to a session
 * (an earlier try of the same request succeeded) are named by that session now, so they stay.
 */
export async function releaseReservation(db: Database, reservationId: string): Promise<void> {
  await db.delete(holds).where(and(eq(holds.reservationId, reservationId), isNull(holds.sessionId)));
}

/** Releases every hold of one session (it expired, was replaced, or ended unpaid). */
export async function releaseSession(db: Database | Transaction, sessionId: string): Promise<number> {
  const released = await db.delete(holds).where(eq(holds.sessionId, sessionId)).returning({ quantity: holds.quantity });
  return released.length;
}

/** Deletes every hold past its expiry (the sweep): availability already ignores them; this keeps the table small. */
export async function deleteExpiredHolds(db: Database, now = new Date()): Promise<number> {
  const deleted = await db.delete(holds).where(lte(holds.expiresAt, now)).returning({ quantity: holds.quantity });
  return deleted.length;
}

/** A product's stock and what is held of it now, for tests and the bench. */
export async function stockOf(
  db: Database,
  productId: string,
  now = new Date(),
): Promise<{ stock: number; held: number }> {
  const [row] = await db.select().from(inventory).where(eq(inventory.productId, productId));
  const held = await heldByOthers(db, [productId], now);
  return { stock: row?.stock ?? 0, held: held.get(productId) ?? 0 };
}
