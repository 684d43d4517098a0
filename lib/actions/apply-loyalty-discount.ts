import 'server-only';
import type { CartAction } from '@/lib/actions/change-checkout-cart';
import { loadBoundCheckout } from '@/lib/actions/load-bound-checkout';
import { cartOfSession } from '@/lib/checkout/checkout-cart';
import { loyaltyDiscountUpdate } from '@/lib/checkout/loyalty-discount';
import { database } from '@/lib/db/client';
import { withSessionLock } from '@/lib/db/inventory';
import { SessionStateError } from '@/lib/errors';
import { retrieveCheckout } from '@/lib/stripe/checkout-sessions';
import { updateCheckoutDiscounts } from '@/lib/stripe/update-extras';

/**
 * The loyalty discount, decided again for the cart as it stands (the page asks once it has loaded; every
 * cart update decides it on its own). Four steps under the session's lock, so a cart update in another tab
 * waits: load the bound, open session (Stripe call 1); decide; send the discount or its removal (Stripe
 * call 2), or nothing when it is already right; answer. A GA session takes the buyer's codes instead: 409.
 */
export async function applyLoyaltyDiscount(input: CartAction): Promise<void> {
  const db = await database();
  await withSessionLock(db, input.sessionId, async () => {
    const session = await loadBoundCheckout({ ...input, mode: 'payment' });
    if (!session.serverDiscounts) {
      throw new SessionStateError(`Session ${session.id} does not let the server set discounts`, "This checkout doesn't offer the loyalty discount.");
    }
    const { discounts } = loyaltyDiscountUpdate(session, cartOfSession(session.lines));
    if (discounts === undefined) return;
    const expected = discounts === '' ? 0 : discounts[0].coupon_data.amount_off;
    await updateCheckoutDiscounts(session.id, discounts, async () => ((await retrieveCheckout(session.id)).discount?.amount ?? 0) === expected);
  });
}
