// The loyalty discount (preview profile): decided by the server over the cart, re-decided inside every cart
// update like the gift. An `amount_off` computed here rather than a `percent_off` coupon: Stripe's coupons
// have no cap, and "10 % up to $20" is one number we can compute exactly (Stripe then shares it across the
// lines). The cost is a new one-off coupon (`coupon_data`) each time the amount changes.
import { CURRENCY, LOYALTY_DISCOUNT } from '@/lib/catalog';
import { paidSubtotal } from '@/lib/checkout/gift';
import type { ProductLine } from '@/lib/checkout/product-line';
import type { CheckoutSnapshot } from '@/lib/checkout/types';

/** What a cart earns, minor units: `percentOff` of the paid lines from the threshold, at most `maxAmount`. */
export const loyaltyDiscountFor = (lines: readonly ProductLine[]) => loyaltyDiscountOf(paidSubtotal(lines));

/** The same, for a paid subtotal (rounded to the minor unit). */
export function loyaltyDiscountOf(subtotal: number): number {
  if (subtotal < LOYALTY_DISCOUNT.threshold) return 0;
  return Math.min(LOYALTY_DISCOUNT.maxAmount, Math.round((subtotal * LOYALTY_DISCOUNT.percentOff) / 100));
}

/** A session update's `discounts`: one coupon made for it, or `''` (none). */
export type DiscountsParam =
  '' | [{ coupon_data: { name: string; amount_off: number; currency: string; duration: 'once' } }];

/**
 * What the update must carry so the session's discount is the one `lines` earn: `{}` when it already is,
 * or when this session does not let the server set discounts (GA: the buyer's codes instead).
 */
export function loyaltyDiscountUpdate(
  session: Pick<CheckoutSnapshot, 'discount' | 'serverDiscounts'>,
  lines: readonly ProductLine[],
): { discounts?: DiscountsParam } {
  if (!session.serverDiscounts) return {};
  const current = session.discount && !session.discount.byCode ? session.discount.amount : 0;
  const earned = loyaltyDiscountFor(lines);
  if (earned === current) return {};
  if (earned === 0) return { discounts: '' };
  return {
    discounts: [
      { coupon_data: { name: LOYALTY_DISCOUNT.name, amount_off: earned, currency: CURRENCY, duration: 'once' } },
    ],
  };
}
