import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ProductLine } from '@/lib/checkout/product-line';
import type { Database } from '@/lib/db/client';
import { cartLines, carts } from '@/lib/db/schema';

// A browser's cart, by owner tag (the binding tag of its cookie token). Quantities are absolute.

/** The cart's lines, in the order they were first added. Empty when the owner has no cart. */
export async function getCart(db: Pick<Database, 'select'>, ownerTag: string): Promise<ProductLine[]> {
  return db
    .select({ productId: cartLines.productId, quantity: cartLines.quantity })
    .from(cartLines)
    .where(eq(cartLines.ownerTag, ownerTag))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.productId));
}

/**
 * Sets one line to the quantity `decide` returns from the current one (0 when absent); 0 removes the line.
 * `decide` may throw to refuse, and then nothing changes. The cart's row is locked first (created if need be),
 * so two tabs changing the same cart are applied one after the other, each deciding from the other's result.
 */
export async function updateCartLine(
  db: Database,
  ownerTag: string,
  productId: string,
  decide: (current: number) => number,
): Promise<ProductLine[]> {
  return db.transaction(async (tx) => {
    await tx
      .insert(carts)
      .values({ ownerTag })
      .onConflictDoUpdate({ target: carts.ownerTag, set: { updatedAt: sql`now()` } });
    const [line] = await tx
      .select({ quantity: cartLines.quantity })
      .from(cartLines)
      .where(and(eq(cartLines.ownerTag, ownerTag), eq(cartLines.productId, productId)));
    const quantity = decide(line?.quantity ?? 0);
    if (quantity <= 0) {
      await tx.delete(cartLines).where(and(eq(cartLines.ownerTag, ownerTag), eq(cartLines.productId, productId)));
    } else {
      await tx
        .insert(cartLines)
        .values({ ownerTag, productId, quantity })
        .onConflictDoUpdate({ target: [cartLines.ownerTag, cartLines.productId], set: { quantity } });
    }
    return getCart(tx, ownerTag);
  });
}

/** Sets one line to exactly `quantity` (0 removes it). */
export function setCartLine(
  db: Database,
  ownerTag: string,
  productId: string,
  quantity: number,
): Promise<ProductLine[]> {
  return updateCartLine(db, ownerTag, productId, () => quantity);
}

/** Removes one line; the rest of the cart stays. */
export async function removeCartLine(db: Database, ownerTag: string, productId: string): Promise<void> {
  await db.delete(cartLines).where(and(eq(cartLines.ownerTag, ownerTag), eq(cartLines.productId, productId)));
}

/** Empties the owner's cart (its lines go with it). Takes a transaction too, so an order can empty it in its own. */
export async function emptyCart(db: Pick<Database, 'delete'>, ownerTag: string): Promise<void> {
  await db.delete(carts).where(eq(carts.ownerTag, ownerTag));
}
