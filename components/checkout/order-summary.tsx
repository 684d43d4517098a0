'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { DiscountLines } from '@/components/checkout/discount-lines';
import { RenewalNote } from '@/components/checkout/renewal-note';
import { TotalsLines } from '@/components/checkout/totals-lines';
import type { ErrorSource } from '@/components/checkout/use-checkout-errors';
import { QuantityField } from '@/components/ui/quantity-field';
import { productOfPrice, type CheckoutShop } from '@/lib/checkout/checkout-shop';
import { amountToGift } from '@/lib/checkout/gift';
import { formatMoney, formatPrice, keepUnitsTogether } from '@/lib/format';

const INTERVAL_LABEL: Record<string, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };
/** The key focus falls back to when the last editable line is removed. */
export const SUMMARY_HEADING_KEY = 'summary-heading';
export const quantityKey = (productId: string) => `quantity-${productId}`;

/** The session as Stripe holds it; in a cart checkout each product line has its quantity and Remove. */
export function OrderSummary(props: {
  session: StripeCheckoutSession;
  shop: CheckoutShop;
  busy: boolean;
  /** Changes after every update: each quantity field then shows what the session holds. */
  revision: number;
  errors: Partial<Record<ErrorSource, string>>;
  onSetQuantity?: (lineItemId: string, productId: string, quantity: number, focusAfter: string[]) => void;
}) {
  const { session, shop, busy, onSetQuantity } = props;
  const products = session.lineItems.map((item) => productOfPrice(shop, item.priceId));
  const isCart = products.some((product) => product && !product.gift);
  const toGift = amountToGift(session.total.subtotal.minorUnitsAmount);
  const editableKeys = products.flatMap((product, index) =>
    product && !product.gift && !session.lineItems[index]?.recurring ? [quantityKey(product.id)] : [],
  );
  return (
    <section className="summary" aria-labelledby="summary-heading" aria-busy={busy}>
      <h2 id="summary-heading" tabIndex={-1} data-focus-key={SUMMARY_HEADING_KEY}>
        Order summary
      </h2>
      <ul className="lines" data-testid="line-items">
        {session.lineItems.map((item, index) => {
          const product = products[index];
          const editable = onSetQuantity && product && !product.gift && !item.recurring;
          const key = product ? quantityKey(product.id) : item.id;
          // After a removal, focus goes to the next line's quantity (or the one before, or the heading).
          const position = editableKeys.indexOf(key);
          const neighbours = [editableKeys[position + 1], editableKeys[position - 1]].filter((k): k is string =>
            Boolean(k),
          );
          return (
            <li key={item.id} data-testid="line-item">
              <div className="line-main">
                <span className="line-name">
                  {keepUnitsTogether(item.name)}
                  {!editable && item.quantity > 1 && <span className="muted"> × {item.quantity}</span>}
                </span>
                <span className="line-amount">
                  {product?.gift ? 'Free' : formatPrice(item.subtotal.minorUnitsAmount, session.currency)}
                  {item.recurring && (
                    <span className="muted">
                      {' '}
                      / {INTERVAL_LABEL[item.recurring.interval] ?? item.recurring.interval}
                    </span>
                  )}
                </span>
              </div>
              {editable && (
                <QuantityField
                  id={key}
                  name={item.name}
                  quantity={item.quantity}
                  max={product.maxQuantity}
                  busy={busy}
                  revision={props.revision}
                  error={props.errors[`line:${product.id}`]}
                  onSet={(quantity) =>
                    onSetQuantity(
                      item.id,
                      product.id,
                      quantity,
                      quantity === 0 ? [...neighbours, SUMMARY_HEADING_KEY] : [],
                    )
                  }
                />
              )}
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
          <dd data-testid="subtotal">{formatMoney(session.total.subtotal.minorUnitsAmount, session.currency)}</dd>
        </div>
        <DiscountLines session={session} />
        <TotalsLines session={session} shipsGoods={isCart} />
        <div className="grand-total">
          <dt>Total due today</dt>
          <dd data-testid="total">{formatMoney(session.total.total.minorUnitsAmount, session.currency)}</dd>
        </div>
      </dl>
      <RenewalNote session={session} />
    </section>
  );
}
