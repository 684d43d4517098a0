import { findProduct } from '@/lib/catalog';
import type { Cart } from '@/lib/checkout/cart';
import { withGift } from '@/lib/checkout/gift';
import type { ProductLine } from '@/lib/checkout/product-line';

/**
 * The products a cart's checkout starts with, and so holds: one line per product, and the gift when the
 * cart reaches its threshold (the plan is not stock-limited, so it holds nothing).
 */
export function holdLinesForCart(cart: Cart): ProductLine[] {
  if (cart.kind === 'plan') return [];
  const totals = new Map<string, number>();
  for (const { productId, quantity } of cart.items) totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  return withGift(
    [...totals].map(([productId, quantity]) => ({ productId, quantity })),
    (line) => line,
  );
}

/**
 * The first line that wants more than is available (available = stock − units others hold), or null when
 * every line fits. A product with no inventory row has nothing available.
 */
export function findShortage(
  lines: readonly ProductLine[],
  available: ReadonlyMap<string, number>,
): { productId: string; available: number } | null {
  for (const line of lines) {
    const left = Math.max(0, available.get(line.productId) ?? 0);
    if (line.quantity > left) return { productId: line.productId, available: left };
  }
  return null;
}

/** What the buyer reads when a product runs short: its name and how many are left. */
export function shortageMessage(productId: string, available: number): string {
  const name = findProduct(productId)?.name ?? productId;
  return available === 0 ? `${name} is sold out.` : `Only ${available} of ${name} left. Please lower the quantity.`;
}
