import { randomUUID } from 'node:crypto';
import type { OrderRow, SubscriptionState } from '@/lib/actions/admin-views';
import { formatMoney } from '@/lib/format';

/** Stripe's subscription statuses in the owner's words. */
const STATUS: Record<string, string> = {
  active: 'active, renewing',
  trialing: 'in its free trial',
  past_due: 'a renewal payment failed; Stripe is retrying it',
  unpaid: 'unpaid: renewals failed',
  canceled: 'cancelled',
  incomplete: 'waiting for its first payment',
  incomplete_expired: 'its first payment never came',
  paused: 'paused',
};

/** A plan order: the subscription as Stripe has it, and cancelling it (optionally refunding its latest payment). */
export function PlanPanel({ order, subscription }: { order: OrderRow; subscription: SubscriptionState | null }) {
  if (!subscription)
    return <p role="alert">Stripe could not be reached to read this subscription. Try again in a minute.</p>;
  const payment = subscription.latestPayment;
  const refundable = payment && payment.paymentIntentId && payment.amountPaid > 0;
  return (
    <>
      <p>The subscription is {STATUS[subscription.status] ?? subscription.status}.</p>
      {payment && !refundable ? (
        <p>Its latest invoice was {formatMoney(0, payment.currency)} (a free trial): there is nothing to refund.</p>
      ) : null}
      {refundable ? <p>Its latest payment: {formatMoney(payment.amountPaid, payment.currency)}.</p> : null}
      {subscription.status === 'canceled' ? null : (
        <form method="post" action={`/api/admin/orders/${order.id}/cancel`}>
          <input type="hidden" name="form_key" value={randomUUID()} />
          {refundable ? (
            <p>
              <label className="admin-check">
                <input type="checkbox" name="refund" /> Also refund what is left of its latest payment
              </label>
            </p>
          ) : null}
          <p>
            <label className="admin-check">
              <input type="checkbox" name="confirm" required /> I understand: cancelling ends it at once at Stripe, with
              no more renewals, and cannot be undone
            </label>
          </p>
          <button type="submit" className="button">
            Cancel the subscription
          </button>
        </form>
      )}
    </>
  );
}
