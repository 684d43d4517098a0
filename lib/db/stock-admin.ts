import 'server-only';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { holds, inventory } from '@/lib/db/schema';

export type HoldRow = { productId: string; quantity: number; sessionId: string | null; expiresAt: Date };
export type StockRow = { productId: string; stock: number; held: number; available: number; holds: HoldRow[] };

/** Each product's stock, the open checkouts' unexpired holds on it, and what is left for new buyers. */
export async function listStock(db: Database, now = new Date()): Promise<StockRow[]> {
  const rows = await db.select().from(inventory).orderBy(asc(inventory.productId));
  const open = await db
    .select({
      productId: holds.productId,
      quantity: holds.quantity,
      sessionId: holds.sessionId,
      expiresAt: holds.expiresAt,
    })
    .from(holds)
    .where(gt(holds.expiresAt, now))
    .orderBy(asc(holds.expiresAt));
  return rows.map((row) => {
    const mine = open.filter((hold) => hold.productId === row.productId);
    const held = mine.reduce((sum, hold) => sum + hold.quantity, 0);
    return { productId: row.productId, stock: row.stock, held, available: row.stock - held, holds: mine };
  });
}

/**
 * Sets a product's stock (a count of the shelf) or adds a delivery to it. Holds are separate rows: open checkouts
 * keep their units, and buyers see the change at once (available = stock − holds). Returns the new stock, or null
 * for a product without an inventory row.
 */
export async function changeStock(
  db: Database,
  productId: string,
  change: { set: number } | { add: number },
): Promise<number | null> {
  const stock = 'set' in change ? sql`${change.set}` : sql`${inventory.stock} + ${change.add}`;
  const [row] = await db
    .update(inventory)
    .set({ stock, updatedAt: new Date() })
    .where(eq(inventory.productId, productId))
    .returning({ stock: inventory.stock });
  return row?.stock ?? null;
}
