// The complimentary gift: present exactly when the paid lines' subtotal reaches the catalog's threshold.
// Pure and free of server code, so the checkout page shows the same progress the server decides by.
import { findProduct, GIFT } from '@/lib/catalog';
import type { ProductLine } from '@/lib/checkout/product-line';

export const isGift = (productId: string) => productId === GIFT.product.id;

/** What the paid lines cost at catalog prices (the gift is free; unknown products count nothing). */
export function paidSubtotal(lines: readonly ProductLine[]): number {
  return lines.reduce(
    (sum, line) => sum + (isGift(line.productId) ? 0 : (findProduct(line.productId)?.unitAmount ?? 0) * line.quantity),
    0,
  );
}

/** The lines with the gift added (last, one unit) when they reach the threshold, or taken out when they don't. */
export function withGift<T extends ProductLine>(lines: readonly T[], toLine: (line: ProductLine) => T): T[] {
  const paid = lines.filter((line) => !isGift(line.productId));
  if (paid.length === 0 || paidSubtotal(paid) < GIFT.threshold) return paid;
  const gift = lines.find((line) => isGift(line.productId));
  return [...paid, gift ? { ...gift, quantity: 1 } : toLine({ productId: GIFT.product.id, quantity: 1 })];
}

/** How far a paid subtotal is from the gift: 0 once it is earned. */
export const amountToGift = (subtotal: number) => Math.max(0, GIFT.threshold - subtotal);
