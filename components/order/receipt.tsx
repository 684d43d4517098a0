import type { CheckoutReceipt } from '@/lib/checkout/types';
import { GIFT } from '@/lib/catalog';
import { countryName, formatMoney, formatPrice, taxLineLabel } from '@/lib/format';

const INTERVAL: Record<string, string> = { day: ' / day', week: ' / week', month: ' / month', year: ' / year' };

/**
 * What the buyer paid, in the order the charge adds up: the lines at their price before discount and tax,
 * the subtotal, the discount, shipping with its method, tax with its rate and place, the total. The gift
 * reads "Free", as it did at checkout; the ship-to address names its country.
 */
export function Receipt({ receipt }: { receipt: CheckoutReceipt }) {
  const money = (amount: number) => formatMoney(amount, receipt.currency);
  const address = receipt.shipping?.address;
  const tax = receipt.taxRate;
  const place = tax ? (tax.state ?? tax.country) : null;
  return (
    <>
      <dl className="totals receipt" data-testid="receipt">
        {receipt.items.map((item, index) => (
          <div key={index}>
            <dt>
              {item.description}
              {item.quantity > 1 && <span className="muted"> × {item.quantity}</span>}
            </dt>
            <dd>
              {item.productId === GIFT.product.id ? 'Free' : money(item.amountSubtotal)}
              {item.interval && <span className="muted">{INTERVAL[item.interval] ?? ` / ${item.interval}`}</span>}
            </dd>
          </div>
        ))}
        <div className="subtotal-line">
          <dt>Subtotal</dt>
          <dd>{money(receipt.amountSubtotal)}</dd>
        </div>
        {receipt.amountDiscount > 0 && (
          <div data-testid="receipt-discount">
            <dt>Discount</dt>
            <dd>−{money(receipt.amountDiscount)}</dd>
          </div>
        )}
        {receipt.shippingMethod && (
          <div data-testid="receipt-shipping">
            <dt>Shipping — {receipt.shippingMethod}</dt>
            <dd>{formatPrice(receipt.amountShipping, receipt.currency)}</dd>
          </div>
        )}
        {receipt.amountTax > 0 && (
          <div data-testid="receipt-tax">
            <dt>{tax ? taxLineLabel({ ...tax, place }) : 'Tax'}</dt>
            <dd>{money(receipt.amountTax)}</dd>
          </div>
        )}
        <div className="grand-total">
          <dt>Total paid</dt>
          <dd data-testid="receipt-total">{money(receipt.amountTotal)}</dd>
        </div>
      </dl>
      {address && (
        <p data-testid="ships-to">
          Ships to:{' '}
          {[
            receipt.shipping?.name,
            address.line1,
            address.line2,
            address.city,
            address.state,
            address.postalCode,
            address.country && countryName(address.country),
          ]
            .filter(Boolean)
            .join(', ')}
        </p>
      )}
    </>
  );
}
