import 'server-only';
import { changeCheckout, type CartAction } from '@/lib/actions/change-checkout-cart';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';

/** The buyer says where the goods go: the shipping options and each line's tax follow, in the same update. */
export function setShippingAddress(input: CartAction & { shipping: ShippingDetails }): Promise<void> {
  return changeCheckout(input, () => ({ shipping: input.shipping }));
}
