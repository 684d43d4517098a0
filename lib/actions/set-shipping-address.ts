import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';

/** The buyer says where the goods go: the shipping options and each line's tax follow, in the same update. */
export function setShippingAddress(input: CheckoutAction & { shipping: ShippingDetails }): Promise<void> {
  return changeCheckout(input, () => ({ shipping: input.shipping }));
}
