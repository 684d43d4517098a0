'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { formatMoney } from '@/lib/format';

const INTERVAL_LABEL: Record<string, string> = { day: 'day', week: 'week', month: 'month', year: 'year' };

export function OrderSummary({ session, busy }: { session: StripeCheckoutSession; busy: boolean }) {
  const money = (amount: { minorUnitsAmount: number }) => formatMoney(amount.minorUnitsAmount, session.currency);
  const { total } = session;
  return (
    <section className="summary" aria-labelledby="summary-heading" aria-busy={busy}>
      <h2 id="summary-heading">Order summary</h2>
      <ul className="lines" data-testid="line-items">
        {session.lineItems.map((item) => (
          <li key={item.id} data-testid="line-item">
            <span className="line-name">
              {item.name}
              {item.quantity > 1 && <span className="muted"> × {item.quantity}</span>}
            </span>
            <span className="line-amount">
              {money(item.total)}
              {item.recurring && (
                <span className="muted"> / {INTERVAL_LABEL[item.recurring.interval] ?? item.recurring.interval}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div>
          <dt>Subtotal</dt>
          <dd>{money(total.subtotal)}</dd>
        </div>
        {total.shippingRate.minorUnitsAmount > 0 && (
          <div>
            <dt>Shipping</dt>
            <dd>{money(total.shippingRate)}</dd>
          </div>
        )}
        {total.taxExclusive.minorUnitsAmount > 0 && (
          <div>
            <dt>Tax</dt>
            <dd>{money(total.taxExclusive)}</dd>
          </div>
        )}
        <div className="grand-total">
          <dt>Total due today</dt>
          <dd data-testid="total">{money(total.total)}</dd>
        </div>
      </dl>
    </section>
  );
}
