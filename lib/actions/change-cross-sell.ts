import 'server-only';
import { changeCheckoutCart, type CartAction } from '@/lib/actions/change-checkout-cart';
import { removeProduct } from '@/lib/checkout/checkout-cart';
import { addCrossSell } from '@/lib/checkout/cross-sell';

/** The buyer adds one of the offered products ("You might also like"), or takes it out again. */
export function changeCrossSell(input: CartAction & { productId: string; action: 'add' | 'remove' }): Promise<void> {
  return changeCheckoutCart(input, (available) => (input.action === 'add' ? addCrossSell(input.productId, available) : removeProduct(input.productId)));
}
