import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';
import { removeProduct } from '@/lib/checkout/checkout-cart';
import { addCrossSell } from '@/lib/checkout/cross-sell';

/** The buyer adds one of the offered products ("You might also like"), or takes it out again. */
export function changeCrossSell(
  input: CheckoutAction & { productId: string; action: 'add' | 'remove' },
): Promise<void> {
  return changeCheckout(input, (available) => ({
    intent: input.action === 'add' ? addCrossSell(input.productId, available) : removeProduct(input.productId),
  }));
}
