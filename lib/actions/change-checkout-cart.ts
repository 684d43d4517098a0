import 'server-only';
import { loadBoundCheckout } from '@/lib/actions/load-bound-checkout';
import { ALL_PRODUCTS, findProduct } from '@/lib/catalog';
import { cartChanges, cartOfSession, decideCart, type CartIntent } from '@/lib/checkout/checkout-cart';
import { planLineItems } from '@/lib/checkout/line-items';
import { loyaltyDiscountUpdate } from '@/lib/checkout/loyalty-discount';
import { database } from '@/lib/db/client';
import { availableToSession, setSessionHolds, withSessionLock } from '@/lib/db/inventory';
import { withCatalogIds } from '@/lib/stripe/catalog';
import { updateCheckoutLineItems } from '@/lib/stripe/checkout-sessions';

export type CartAction = { sessionId: string; browserToken: string | undefined };

/**
 * Every buyer action that changes a payment-mode checkout's products, in four steps: load the bound, open
 * session (Stripe call 1); decide with the pure rules (the intent, the gift, the limits, the stock this
 * session may hold); set the holds and send the one update (Stripe call 2); answer. It all runs under the
 * session's lock in one database transaction: if Stripe refuses the update, the holds roll back with it,
 * and a second tab's request waits and then decides on what this one left.
 */
export async function changeCheckoutCart(input: CartAction, intentFor: (available: ReadonlyMap<string, number>) => CartIntent): Promise<void> {
  const db = await database();
  await withSessionLock(db, input.sessionId, async (tx) => {
    const session = await loadBoundCheckout({ ...input, mode: 'payment' });
    const current = cartOfSession(session.lines);
    const available = await availableToSession(tx, session.id, ALL_PRODUCTS.map((product) => product.id));
    const next = decideCart(current, intentFor(available), available);
    const unchanged = next.length === current.length && next.every((line, index) => line.lineId === current[index]!.lineId && line.quantity === current[index]!.quantity);
    if (unchanged) return;
    await setSessionHolds(tx, session.id, next, new Date(session.expiresAt * 1000));
    await withCatalogIds(async (ids) => {
      const priceIdOf = (productId: string) => ids.prices.get(findProduct(productId)!.lookupKey)!;
      await updateCheckoutLineItems(session.id, planLineItems(session.lines, cartChanges(current, next, priceIdOf)), loyaltyDiscountUpdate(session, next));
    });
  });
}
