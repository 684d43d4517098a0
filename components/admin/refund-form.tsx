import { randomUUID } from 'node:crypto';
import type { AdminOrderLine, OrderRow } from '@/lib/actions/admin-views';
import { formatMoney } from '@/lib/format';

/**
 * Refund the whole order or some units of its lines. The form carries a key minted when the page was rendered:
 * sent twice (a double click, a resubmitted page), it is one refund. Money cannot be taken back, so the owner
 * ticks a box that says so before the browser sends it (and the route refuses a form without it).
 */
export function RefundForm({ order, lines }: { order: OrderRow; lines: AdminOrderLine[] }) {
  const left = order.amountTotal - order.amountRefunded;
  if (left <= 0) return <p>This order has been refunded in full.</p>;
  return (
    <form method="post" action={`/api/admin/orders/${order.id}/refund`}>
      <input type="hidden" name="form_key" value={randomUUID()} />
      <fieldset className="admin-fieldset">
        <legend>What to refund</legend>
        <label>
          <input type="radio" name="scope" value="lines" defaultChecked /> Only the units chosen below
        </label>
        <br />
        <label>
          <input type="radio" name="scope" value="order" /> Everything not refunded yet:{' '}
          {formatMoney(left, order.currency)} (shipping included)
        </label>
      </fieldset>
      <div className="admin-form">
        {/* A line charged nothing (the gift) has nothing to refund by the unit. */}
        {lines
          .filter((line) => line.amountTotal > 0)
          .map((line) => {
            const open = line.quantity - line.refundedUnits;
            return (
              <label key={line.position}>
                {line.description} ({open} of {line.quantity} left)
                <input
                  type="number"
                  name={`qty_${line.position}`}
                  min={0}
                  max={open}
                  defaultValue={0}
                  disabled={open === 0}
                />
              </label>
            );
          })}
      </div>
      <p>
        <label className="admin-check">
          <input type="checkbox" name="restock" /> Put the refunded units back in stock
        </label>
      </p>
      <p>
        <label className="admin-check">
          <input type="checkbox" name="confirm" required /> I understand: the money goes back to the buyer at once, and
          a refund cannot be undone
        </label>
      </p>
      <button type="submit" className="button">
        Refund
      </button>
    </form>
  );
}
