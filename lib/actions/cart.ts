import 'server-only';
import { findProductForSale } from '@/lib/catalog';
import type { Cart } from '@/lib/checkout/cart';
import { checkCartQuantity, checkoutCartOf, viewCart, type CartView } from '@/lib/checkout/cart-rules';
import { bindingTag } from '@/lib/session-binding';
import { getCart, updateCartLine } from '@/lib/db/carts';
import { changeCheckout } from '@/lib/actions/checkout-pipeline';
import { fulfilCheckout } from '@/lib/actions/fulfil-checkout';
import { setProductQuantity } from '@/lib/checkout/checkout-cart';
import { OrderLimitError } from '@/lib/checkout/order-limit';
import { endCheckout, findOpenCheckout } from '@/lib/db/checkouts';
import { database, type Database } from '@/lib/db/client';
import { expireCheckout } from '@/lib/stripe/checkout-sessions';
import { availableStock } from '@/lib/db/inventory';
import { InvalidRequestError, OutOfStockError, PaidCheckoutError, SessionStateError } from '@/lib/errors';
import { log } from '@/lib/log';

/** A change to one line: an absolute quantity (0 removes), or units to add to what is there ("Add to cart"). */
export type CartChange = { productId: string } & ({ quantity: number } | { add: number });

// The cart belongs to the browser's cookie token, stored under its binding tag: a paid session carries the
// same tag, so fulfilment can empty it. A browser without a token has an empty cart.
const ownerOf = (token: string) => bindingTag(token);

/**
 * Changes one line of the browser's cart, or throws and changes nothing: an unknown product (400), more than
 * the product's per-order limit or than is available now (409, saying how many are left). The cart holds
 * nothing by itself. While the browser has an open checkout made from the cart, the change goes to that
 * checkout through the same pipeline as an edit at checkout (its session and holds follow, and the cart is
 * written through), so there are never two versions of the order; emptying the cart ends that checkout.
 */
export async function changeCartLine(token: string, change: CartChange): Promise<void> {
  const product = findProductForSale(change.productId);
  if (!product) throw new InvalidRequestError(`Unknown product ${change.productId}`);
  const db = await database();
  const owner = ownerOf(token);
  const open = await findOpenCheckout(db, owner, 'payment');
  if (open?.source === 'cart') {
    const lines = await getCart(db, owner);
    const current = lines.find((line) => line.productId === product.id)?.quantity ?? 0;
    const quantity = 'add' in change ? current + change.add : change.quantity;
    const emptied = quantity === 0 && lines.every((line) => line.productId === product.id);
    if (!emptied && (await changedAtCheckout(open.sessionId, token, product.id, quantity))) return;
    await endOpenCheckout(db, open.sessionId);
  }
  const available = (await availableStock(db)).get(product.id) ?? 0;
  await updateCartLine(db, owner, product.id, (current) => {
    const quantity = 'add' in change ? current + change.add : change.quantity;
    const verdict = checkCartQuantity(product, quantity, available);
    if (verdict.ok) return quantity;
    if (verdict.reason === 'stock') throw new OutOfStockError(product.id, available, verdict.message);
    throw new OrderLimitError(product, quantity);
  });
}

/** The change made at the open checkout (true), or false when that checkout has ended (paid or expired) meanwhile. */
async function changedAtCheckout(
  sessionId: string,
  token: string,
  productId: string,
  quantity: number,
): Promise<boolean> {
  try {
    await changeCheckout({ sessionId, browserToken: token }, () => ({
      intent: setProductQuantity(productId, quantity),
    }));
    return true;
  } catch (error) {
    if (error instanceof SessionStateError || error instanceof PaidCheckoutError) return false;
    throw error;
  }
}

/** Ends the browser's open checkout at Stripe and gives its units back (or, found paid, records its order). */
async function endOpenCheckout(db: Database, sessionId: string): Promise<void> {
  const status = await expireCheckout(sessionId);
  if (status === 'complete') await fulfilCheckout(sessionId, 'reconcile');
  await endCheckout(db, sessionId, status === 'complete' ? 'complete' : 'expired');
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
