import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';

/**
 * The loyalty discount, decided again for the cart as it stands (the page asks once it has loaded; every cart
 * change decides it too, in its own update). A change of nothing else through the pipeline: the rules re-decide the
 * discount and send it only when it differs. A GA session takes the buyer's codes instead: 409, nothing sent.
 */
export async function applyLoyaltyDiscount(input: CheckoutAction): Promise<void> {
  await changeCheckout(input, () => ({ loyalty: true }));
}
