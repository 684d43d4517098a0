import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';
import { setLineQuantity } from '@/lib/checkout/checkout-cart';

/** The buyer sets a line's quantity (0 removes it): held first, never past the stock, gift re-decided. */
export function changeLineItemQuantity(
  input: CheckoutAction & { lineItemId: string; quantity: number },
): Promise<void> {
  return changeCheckout(input, () => ({ intent: setLineQuantity(input.lineItemId, input.quantity) }));
}
