'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { formatMoney, formatPrice, taxLineLabel } from '@/lib/format';

/**
 * The Shipping and Tax lines, each named: "Shipping — Standard shipping  Free", "Tax (CA 7.25 %)",
 * "VAT included (DE 19 %)". Everything comes from what Stripe.js documents on the session: `shipping`
 * (the selected option's name), `taxAmounts` (each rate's name, percentage and inclusive flag) and
 * `shippingAddress` (the place the rate is for). Before an address, both lines say what they wait for.
 */
export function TotalsLines({ session, shipsGoods }: { session: StripeCheckoutSession; shipsGoods: boolean }) {
  const { total, currency } = session;
  const address = session.shippingAddress?.address;
  // A US rate is a state's; elsewhere the country's.
  const place = address?.country === 'US' && address.state ? address.state : (address?.country ?? null);
  const taxes = session.taxAmounts ?? [];
  const waiting = shipsGoods && !session.shipping;
  return (
    <>
      {session.shipping ? (
        <div>
          <dt>Shipping — {session.shipping.shippingOption.displayName ?? 'Shipping'}</dt>
          <dd data-testid="shipping">{formatPrice(total.shippingRate.minorUnitsAmount, currency)}</dd>
        </div>
      ) : (
        waiting && (
          <div>
            <dt>Shipping</dt>
            <dd className="muted" data-testid="shipping">
              After your address
            </dd>
          </div>
        )
      )}
      {taxes.map((tax) => (
        <div key={`${tax.displayName}:${tax.percentage}:${tax.inclusive}`}>
          <dt>{taxLineLabel({ ...tax, place })}</dt>
          <dd data-testid={tax.inclusive ? 'tax-included' : 'tax'}>{formatMoney(tax.minorUnitsAmount, currency)}</dd>
        </div>
      ))}
      {taxes.length === 0 && total.taxExclusive.minorUnitsAmount + total.taxInclusive.minorUnitsAmount > 0 && (
        // A session whose rates Stripe.js does not itemise (taxAmounts null): the totals still name the kind.
        <div>
          <dt>{total.taxExclusive.minorUnitsAmount > 0 ? 'Tax' : 'Tax included'}</dt>
          <dd data-testid="tax">
            {formatMoney(total.taxExclusive.minorUnitsAmount || total.taxInclusive.minorUnitsAmount, currency)}
          </dd>
        </div>
      )}
      {waiting && taxes.length === 0 && (
        <div>
          <dt>Tax</dt>
          <dd className="muted">After your address</dd>
        </div>
      )}
    </>
  );
}
