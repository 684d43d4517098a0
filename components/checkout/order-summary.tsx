'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { DiscountLines } from '@/components/checkout/discount-lines';
import { LineQuantity } from '@/components/checkout/line-quantity';
import { TrialNote } from '@/components/checkout/trial-note';
import { productOfPrice, type CheckoutShop } from '@/lib/checkout/checkout-shop';
import { amountToGift } from '@/lib/checkout/gift';
import { formatMoney } from '@/lib/format';

const INTERVAL_LABEL: Record<string, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** The session as Stripe holds it; in a cart checkout each product line has its quantity and Remove. */
export function OrderSummary(props: {
  session: StripeCheckoutSession;
  shop: CheckoutShop;
  busy: boolean;
  onSetQuantity?: (lineItemId: string, quantity: number) => Promise<boolean>;
}) {
  const { session, shop, busy, onSetQuantity } = props;
  const money = (amount: { minorUnitsAmount: number }) => formatMoney(amount.minorUnitsAmount, session.currency);
  const { total } = session;
  const products = session.lineItems.map((item) => productOfPrice(shop, item.priceId));
  const isCart = products.some((product) => product && !product.gift);
  const toGift = amountToGift(total.subtotal.minorUnitsAmount);
  return (
    <section className="summary" aria-labelledby="summary-heading" aria-busy={busy}>
      <h2 id="summary-heading">Order summary</h2>
      <ul className="lines" data-testid="line-items">
        {session.lineItems.map((item, index) => {
          const product = products[index];
          const editable = onSetQuantity && product && !product.gift && !item.recurring;
          return (
            <li key={item.id} data-testid="line-item">
              <span className="line-name">
                {item.name}
                {!editable && item.quantity > 1 && <span className="muted"> × {item.quantity}</span>}
                {editable && (
                  <LineQuantity
                    key={`${item.id}:${item.quantity}`}
                    name={item.name}
                    quantity={item.quantity}
                    max={product.maxQuantity}
                    disabled={busy}
                    onSet={(quantity) => onSetQuantity(item.id, quantity)}
                  />
                )}
              </span>
              <span className="line-amount">
                {product?.gift ? 'Free' : money(item.subtotal)}
                {item.recurring && (
                  <span className="muted"> / {INTERVAL_LABEL[item.recurring.interval] ?? item.recurring.interval}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {isCart && toGift > 0 && (
        <p className="gift-progress" data-testid="gift-progress">
          {formatMoney(toGift, session.currency)} more for a free {shop.giftName}
        </p>
      )}
      <dl className="totals">
        <div>
          <dt>Subtotal</dt>
          <dd>{money(total.subtotal)}</dd>
        </div>
        <DiscountLines session={session} />
        {total.shippingRate.minorUnitsAmount > 0 && (
          <div>
            <dt>Shipping</dt>
            <dd data-testid="shipping">{money(total.shippingRate)}</dd>
          </div>
        )}
        {total.taxExclusive.minorUnitsAmount > 0 && (
          <div>
            <dt>Tax</dt>
            <dd data-testid="tax">{money(total.taxExclusive)}</dd>
          </div>
        )}
        {total.taxInclusive.minorUnitsAmount > 0 && (
          <div>
            <dt>Tax (included)</dt>
            <dd data-testid="tax-included">{money(total.taxInclusive)}</dd>
          </div>
        )}
        <div className="grand-total">
          <dt>Total due today</dt>
          <dd data-testid="total">{money(total.total)}</dd>
        </div>
      </dl>
      <TrialNote session={session} />
    </section>
  );
}
