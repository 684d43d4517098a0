'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { formatMoney } from '@/lib/format';

/** The session's discount as Stripe computed it: the code the buyer typed, or the server's loyalty discount. */
export function DiscountLines({ session }: { session: Pick<StripeCheckoutSession, 'discountAmounts' | 'currency'> }) {
  return (session.discountAmounts ?? []).map((discount) => (
    <div key={discount.promotionCode ?? discount.displayName} data-testid="discount">
      <dt>{discount.promotionCode ? `Discount (${discount.promotionCode})` : discount.displayName}</dt>
      <dd>−{formatMoney(discount.minorUnitsAmount, session.currency)}</dd>
    </div>
  ));
}
