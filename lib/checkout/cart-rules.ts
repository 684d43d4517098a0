import { z } from 'zod';
import { findProductForSale, type Product } from '@/lib/catalog';
import type { Cart } from '@/lib/checkout/cart';
import { orderLimitMessage } from '@/lib/checkout/order-limit';
import type { ProductLine } from '@/lib/checkout/product-line';
import { shortageMessage } from '@/lib/checkout/stock';

/**
 * What a checkout page asks the server to check out: a cart it names (a plan, or `?item=`), or `stored`, the
 * browser's cart in the database, which the server reads from the cookie (the browser never sends lines
 * or prices for it).
 */
export const storedCartSchema = z.strictObject({ kind: z.literal('stored') });
export type CheckoutCart = Cart | z.infer<typeof storedCartSchema>;

/** At or below this many units available, the cart says how many are left ("Only 3 left"). */
export const LOW_STOCK = 5;

export type QuantityVerdict = { ok: true } | { ok: false; reason: 'limit' | 'stock'; message: string };

/**
 * Whether a cart line may be set to `quantity` (absolute; 0 removes, always allowed): never past the product's
 * per-order limit, never past what is available (stock − what open checkouts hold).
 */
export function checkCartQuantity(product: Product, quantity: number, available: number): QuantityVerdict {
  if (quantity === 0) return { ok: true };
  if (quantity > product.maxQuantity) return { ok: false, reason: 'limit', message: orderLimitMessage(product) };
  const left = Math.max(0, available);
  if (quantity > left) return { ok: false, reason: 'stock', message: shortageMessage(product.id, left) };
  return { ok: true };
}

/** What the cart tells the buyer about a product's stock. */
export function stockNote(available: number): string {
  if (available <= 0) return 'Sold out';
  return available <= LOW_STOCK ? `Only ${available} left` : 'In stock';
}

/** A line of the browser's stored cart (a product for sale, at least one unit) as the cart page shows it. */
export type CartLineView = ProductLine & {
  product: Product;
  lineTotal: number;
  available: number;
  stockNote: string;
  lowStock: boolean;
};
export type CartView = { lines: CartLineView[]; count: number; subtotal: number };

/** The cart as the page shows it; lines of products no longer for sale are left out. */
export function viewCart(lines: readonly ProductLine[], available: ReadonlyMap<string, number>): CartView {
  const views = lines.flatMap((line): CartLineView[] => {
    const product = findProductForSale(line.productId);
    if (!product) return [];
    const left = Math.max(0, available.get(line.productId) ?? 0);
    return [
      {
        ...line,
        product,
        lineTotal: product.unitAmount * line.quantity,
        available: left,
        stockNote: stockNote(left),
        lowStock: left <= LOW_STOCK,
      },
    ];
  });
  return {
    lines: views,
    count: views.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: views.reduce((sum, line) => sum + line.lineTotal, 0),
  };
}

/** The checkout's cart for the stored lines (products for sale only), or null when nothing is left to buy. */
export function checkoutCartOf(lines: readonly ProductLine[]): Cart | null {
  const items = lines
    .filter((line) => findProductForSale(line.productId) && line.quantity > 0)
    .map(({ productId, quantity }) => ({ productId, quantity }));
  return items.length > 0 ? { kind: 'products', items } : null;
}
