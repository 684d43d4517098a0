import type { AdminOrderLine } from '@/lib/actions/admin-views';
import { formatMoney, keepUnitsTogether } from '@/lib/format';

/** The number columns, once: each names its header and, on a phone, the label of its cell (`data-label`). */
const COLUMNS: {
  label: string;
  value: (line: AdminOrderLine, money: (amount: number) => string) => string | number;
}[] = [
  { label: 'Qty', value: (line) => line.quantity },
  { label: 'Subtotal', value: (line, money) => money(line.amountSubtotal) },
  { label: 'Discount', value: (line, money) => (line.amountDiscount ? `−${money(line.amountDiscount)}` : '—') },
  { label: 'Tax', value: (line, money) => money(line.amountTax) },
  { label: 'Total', value: (line, money) => money(line.amountTotal) },
  { label: 'Refunded', value: (line) => (line.refundedUnits ? `${line.refundedUnits} of ${line.quantity}` : '—') },
];

/** The lines as Stripe charged them, and how many units of each have been refunded. */
export function OrderLines({ lines, currency }: { lines: AdminOrderLine[]; currency: string }) {
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <table className="admin-table">
      <caption className="muted">Lines as charged</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          {COLUMNS.map((column) => (
            <th key={column.label} scope="col" className="num">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.position}>
            <th scope="row">
              {keepUnitsTogether(line.description)}
              {line.interval ? ` (${line.interval})` : ''}
            </th>
            {COLUMNS.map((column) => (
              <td key={column.label} data-label={column.label} className="num">
                {column.value(line, money)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
