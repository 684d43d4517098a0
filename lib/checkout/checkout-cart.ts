// A payment-mode checkout seen as a cart of catalog products, and what it becomes after a buyer action:
// the buyer's intent, then the gift rule, then the limits (per order, and the stock this checkout may hold).
// Every action that changes the products goes through `decideCart`, so the gift and the stock checks are
// never skipped, and the holds always equal the lines sent to Stripe.
import { findProduct, findProductByLookupKey } from '@/lib/catalog';
import { isContribution } from '@/lib/checkout/contribution';
import { isGift, withGift } from '@/lib/checkout/gift';
import type { LineChange, SessionLine } from '@/lib/checkout/line-items';
import { assertWithinOrderLimit } from '@/lib/checkout/order-limit';
import type { ProductLine } from '@/lib/checkout/product-line';
import { findShortage, shortageMessage } from '@/lib/checkout/stock';
import { AppError, OutOfStockError, SessionStateError } from '@/lib/errors';

/** A line of the checkout as a product; `lineId` is Stripe's id, null for a line not yet sent. */
export type CheckoutLine = ProductLine & { lineId: string | null };

/** A buyer's request the rules refuse, with a message the buyer can act on. */
export class CartRuleError extends AppError {
  constructor(message: string, publicMessage: string) {
    super('cart_rule', 400, message, publicMessage);
  }
}

/**
 * The session's lines as products (the contribution, which the server prices, is not one). A line whose price
 * is not the catalog's cannot be reasoned about: 409.
 */
export function cartOfSession(lines: readonly SessionLine[]): CheckoutLine[] {
  return lines
    .filter((line) => !isContribution(line))
    .map((line) => {
      const product = line.lookupKey ? findProductByLookupKey(line.lookupKey) : undefined;
      if (!product)
        throw new SessionStateError(
          `Line ${line.id} (price ${line.priceId}) is not a catalog product`,
          "This checkout can't be changed here. Please start again.",
        );
      return { lineId: line.id, productId: product.id, quantity: line.quantity };
    });
}

/** What the buyer asks for, as the cart they want (before the gift and the checks). */
export type CartIntent = (cart: readonly CheckoutLine[]) => CheckoutLine[];

const nameOf = (productId: string) => findProduct(productId)?.name ?? productId;

/** Sets a line's quantity; 0 removes it. The gift is the server's to set. */
export function setLineQuantity(lineId: string, quantity: number): CartIntent {
  return (cart) => {
    const line = cart.find((candidate) => candidate.lineId === lineId);
    if (!line) throw new CartRuleError(`No line ${lineId} in this checkout`, 'That item is no longer in your order.');
    if (isGift(line.productId))
      throw new CartRuleError(
        `Line ${lineId} is the gift`,
        'The free gift comes with your order and cannot be changed.',
      );
    return quantity === 0
      ? cart.filter((candidate) => candidate !== line)
      : cart.map((candidate) => (candidate === line ? { ...line, quantity } : candidate));
  };
}

/** Adds one unit of a product, or removes its line. */
export function addProduct(productId: string): CartIntent {
  return (cart) =>
    cart.some((line) => line.productId === productId) ? [...cart] : [...cart, { lineId: null, productId, quantity: 1 }];
}

/** Sets a product's units, as the cart page asks (0 removes it): its line keeps its Stripe id, or a new one is added. */
export function setProductQuantity(productId: string, quantity: number): CartIntent {
  return (cart) => {
    if (isGift(productId))
      throw new CartRuleError('The gift is not for sale', 'The free gift comes with your order and cannot be changed.');
    const kept = cart.filter((line) => line.productId !== productId);
    if (quantity === 0) return kept;
    const line = cart.find((candidate) => candidate.productId === productId);
    return line
      ? cart.map((candidate) => (candidate === line ? { ...line, quantity } : candidate))
      : [...cart, { lineId: null, productId, quantity }];
  };
}

/** The checkout's products become exactly `lines` (a resumed checkout follows its cart); kept products keep their lines. */
export function becomeCart(lines: readonly ProductLine[]): CartIntent {
  return (cart) =>
    lines.reduce<CheckoutLine[]>(
      (next, line) => setProductQuantity(line.productId, line.quantity)(next),
      cart.filter((line) => isGift(line.productId) || lines.some((wanted) => wanted.productId === line.productId)),
    );
}

export function removeProduct(productId: string): CartIntent {
  return (cart) => {
    if (isGift(productId))
      throw new CartRuleError(
        'The gift cannot be removed',
        'The free gift comes with your order and cannot be changed.',
      );
    if (!cart.some((line) => line.productId === productId))
      throw new CartRuleError(`${productId} is not in this checkout`, `${nameOf(productId)} is not in your order.`);
    return cart.filter((line) => line.productId !== productId);
  };
}

/**
 * The cart after an intent, with the gift decided and every limit checked. `available` is what this
 * checkout may hold of each product (stock less what other checkouts hold). Throws, changing nothing, when
 * the order would be empty, over a product's per-order limit, or over the stock.
 */
export function decideCart(
  current: readonly CheckoutLine[],
  intent: CartIntent,
  available: ReadonlyMap<string, number>,
): CheckoutLine[] {
  const next = withGift(intent(current), (line): CheckoutLine => ({ ...line, lineId: null }));
  if (next.every((line) => isGift(line.productId))) {
    throw new CartRuleError('The last paid line cannot be removed', 'Your order needs at least one item.');
  }
  for (const line of next) {
    const product = findProduct(line.productId);
    if (!product) throw new CartRuleError(`Unknown product ${line.productId}`, "That item isn't in our shop.");
    assertWithinOrderLimit(product, line.quantity);
  }
  const shortage = findShortage(next, available);
  if (shortage)
    throw new OutOfStockError(
      shortage.productId,
      shortage.available,
      shortageMessage(shortage.productId, shortage.available),
    );
  return next;
}

/** The changes that take Stripe's lines from `current` to `next`: kept lines keep their ids. */
export function cartChanges(
  current: readonly CheckoutLine[],
  next: readonly CheckoutLine[],
  priceIdOf: (productId: string) => string,
): LineChange[] {
  const changes: LineChange[] = [];
  for (const line of current) {
    const kept = next.find((candidate) => candidate.lineId === line.lineId);
    if (!kept) changes.push({ kind: 'remove', id: line.lineId! });
    else if (kept.quantity !== line.quantity)
      changes.push({ kind: 'set_quantity', id: line.lineId!, quantity: kept.quantity });
  }
  for (const line of next) {
    if (line.lineId === null)
      changes.push({ kind: 'add', priceId: priceIdOf(line.productId), quantity: line.quantity });
  }
  return changes;
}

/** True when two carts have the same lines in the same order: nothing to send. */
export const sameCart = (a: readonly CheckoutLine[], b: readonly CheckoutLine[]) =>
  a.length === b.length &&
  a.every((line, index) => line.lineId === b[index]!.lineId && line.quantity === b[index]!.quantity);
