import 'server-only';
import { changeCheckoutCart, type CartAction } from '@/lib/actions/change-checkout-cart';
import { setLineQuantity } from '@/lib/checkout/checkout-cart';

/** The buyer sets a line's quantity (0 removes it): held first, never past the stock, gift re-decided. */
export function changeLineItemQuantity(input: CartAction & { lineItemId: string; quantity: number }): Promise<void> {
  return changeCheckoutCart(input, () => setLineQuantity(input.lineItemId, input.quantity));
}
