import 'server-only';
import { findProductForSale } from '@/lib/catalog';
import type { Cart } from '@/lib/checkout/cart';
import { checkCartQuantity, checkoutCartOf, viewCart, type CartView } from '@/lib/checkout/cart-rules';
import { bindingTag } from '@/lib/checkout/session-binding';
import { getCart, updateCartLine } from '@/lib/db/carts';
import { database } from '@/lib/db/client';
import { availableStock } from '@/lib/db/inventory';
import { AppError, InvalidRequestError, OutOfStockError } from '@/lib/errors';
import { log } from '@/lib/log';

/** A change to one line: an absolute quantity (0 removes), or units to add to what is there ("Add to cart"). */
export type CartChange = { productId: string } & ({ quantity: number } | { add: number });

// The cart belongs to the browser's cookie token, stored under its binding tag: a paid session carries the
// same tag, so fulfilment can empty it. A browser without a token has an empty cart.
const ownerOf = (token: string) => bindingTag(token);

/**
 * Changes one line of the browser's cart, or throws and changes nothing: an unknown product (400), more than
 * the product's per-order limit or than is available now (409, saying how many are left). The cart holds
 * nothing: stock is held when a checkout is made from it, and checked again then.
 */
export async function changeCartLine(token: string, change: CartChange): Promise<void> {
  const product = findProductForSale(change.productId);
  if (!product) throw new InvalidRequestError(`Unknown product ${change.productId}`);
  const db = await database();
  const available = (await availableStock(db)).get(product.id) ?? 0;
  await updateCartLine(db, ownerOf(token), product.id, (current) => {
    const quantity = 'add' in change ? current + change.add : change.quantity;
    const verdict = checkCartQuantity(product, quantity, available);
    if (verdict.ok) return quantity;
    if (verdict.reason === 'stock') throw new OutOfStockError(product.id, available, verdict.message);
    throw new AppError('cart_limit', 409, `${product.id}: ${quantity} over the limit of ${product.maxQuantity}`, verdict.message);
  });
}

/** The browser's cart as the pages show it, with stock; empty without a token. */
export async function readCart(token: string | undefined): Promise<CartView> {
  const db = await database();
  const lines = token ? await getCart(db, ownerOf(token)) : [];
  return viewCart(lines, lines.length > 0 ? await availableStock(db) : new Map());
}

/** The checkout's cart for the browser's stored cart (prices come from the catalog, never the browser); null when empty. */
export async function storedCheckoutCart(token: string | undefined): Promise<Cart | null> {
  if (!token) return null;
  return checkoutCartOf(await getCart(await database(), ownerOf(token)));
}

/** Units in the browser's cart, for the header; null when the database cannot say (the header then shows no count). */
export async function cartCount(token: string | undefined): Promise<number | null> {
  if (!token) return 0;
  try {
    const lines = await getCart(await database(), ownerOf(token));
    return lines.reduce((sum, line) => sum + line.quantity, 0);
  } catch (error) {
    log.warn('cart.count_failed', { error });
    return null;
  }
}
