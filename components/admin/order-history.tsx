import { formatDateTime } from '@/components/admin/format';
import type { OrderRow, RefundRow } from '@/lib/actions/admin-views';
import { formatMoney } from '@/lib/format';

const SOURCE = { admin: 'from the back office', stripe: 'from Stripe (the Dashboard or the API)' } as Record<
  string,
  string
>;

/** What happened to the order, oldest first: paid, each refund (and its state), a cancelled plan. */
export function OrderHistory({ order, refunds }: { order: OrderRow; refunds: RefundRow[] }) {
  const events: Array<{ at: Date; text: string }> = [
    { at: order.createdAt, text: `Paid ${formatMoney(order.amountTotal, order.currency)}` },
    ...refunds.map((refund) => ({
      at: refund.createdAt,
      text: `Refunded ${formatMoney(refund.amount, refund.currency)} ${SOURCE[refund.source] ?? ''}${refund.status === 'succeeded' ? '' : ` (${refund.status})`}${refund.restocked ? ', units back in stock' : ''}`,
    })),
    ...(order.canceledAt ? [{ at: order.canceledAt, text: 'Subscription cancelled' }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <ol className="lines admin-history">
      {events.map((event, index) => (
        <li key={index}>
          <span>{event.text}</span>
          <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
        </li>
      ))}
    </ol>
  );
}
