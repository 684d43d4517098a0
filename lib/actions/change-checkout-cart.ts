import 'server-only';
import { loadBoundCheckout } from '@/lib/actions/load-bound-checkout';
import { ALL_PRODUCTS } from '@/lib/catalog';
import type { CartIntent } from '@/lib/checkout/checkout-cart';
import { decideCheckout, planCheckoutUpdate, type CheckoutChange } from '@/lib/checkout/decide-checkout';
import { loyaltyDiscountUpdate } from '@/lib/checkout/loyalty-discount';
import { database } from '@/lib/db/client';
import { availableToSession, setSessionHolds, withSessionLock } from '@/lib/db/inventory';
import { withCatalogIds } from '@/lib/stripe/catalog';
import { updateCheckout } from '@/lib/stripe/checkout-sessions';

export type CartAction = { sessionId: string; browserToken: string | undefined };

/**
 * Every buyer action that changes a payment-mode checkout (its products or its shipping address), in four
 * steps: load the bound, open session (Stripe call 1); decide with the pure rules (the cart: intent, gift,
 * limits, stock this session may hold; then shipping options and tax for the destination); set the holds
 * and send the one update (Stripe call 2); answer. It all runs under the session's lock in one database
 * transaction: if Stripe refuses the update, the holds roll back with it, and a second tab's request waits
 * and then decides on what this one left.
 */
export async function changeCheckout(input: CartAction, changeFor: (available: ReadonlyMap<string, number>) => CheckoutChange): Promise<void> {
  const db = await database();
  await withSessionLock(db, input.sessionId, async (tx) => {
    const session = await loadBoundCheckout({ ...input, mode: 'payment' });
    const available = await availableToSession(tx, session.id, ALL_PRODUCTS.map((product) => product.id));
    const change = changeFor(available);
    const decision = decideCheckout(session, change, available);
    if (decision.unchanged) return;
    await setSessionHolds(tx, session.id, decision.cart, new Date(session.expiresAt * 1000));
    await withCatalogIds((ids) =>
      updateCheckout(session.id, planCheckoutUpdate(session, decision, ids, change.shipping !== undefined), loyaltyDiscountUpdate(session, decision.cart)),
    );
  });
}

/** A change of the products only (quantity, cross-sell): shipping and tax follow when an address is set. */
export function changeCheckoutCart(input: CartAction, intentFor: (available: ReadonlyMap<string, number>) => CartIntent): Promise<void> {
  return changeCheckout(input, (available) => ({ intent: intentFor(available) }));
}
