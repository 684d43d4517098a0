import type { AdminOrderLine } from '@/lib/actions/admin-views';
import { formatMoney, keepUnitsTogether } from '@/lib/format';

/** The lines as Stripe charged them, and how many units of each have been refunded. */
export function OrderLines({ lines, currency }: { lines: AdminOrderLine[]; currency: string }) {
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <table className="admin-table">
      <caption className="muted">Lines as charged</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Subtotal
          </th>
          <th scope="col" className="num">
            Discount
          </th>
          <th scope="col" className="num">
            Tax
          </th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col" className="num">
            Refunded
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.position}>
            <th scope="row">
              {keepUnitsTogether(line.description)}
              {line.interval ? ` (${line.interval})` : ''}
            </th>
            <td data-label="Qty" className="num">
              {line.quantity}
            </td>
            <td data-label="Subtotal" className="num">
              {money(line.amountSubtotal)}
            </td>
            <td data-label="Discount" className="num">
              {line.amountDiscount ? `−${money(line.amountDiscount)}` : '—'}
            </td>
            <td data-label="Tax" className="num">
              {money(line.amountTax)}
            </td>
            <td data-label="Total" className="num">
              {money(line.amountTotal)}
            </td>
            <td data-label="Refunded" className="num">
              {line.refundedUnits ? `${line.refundedUnits} of ${line.quantity}` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
