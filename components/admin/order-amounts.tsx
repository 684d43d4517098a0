import type { OrderRow } from '@/lib/actions/admin-views';
import { formatMoney } from '@/lib/format';

/** The order's amounts in the receipt's order: subtotal, discount, shipping (with its method), tax, total; then refunds. */
export function OrderAmounts({ order }: { order: OrderRow }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const rows: Array<[string, string]> = [
    ['Subtotal', money(order.amountSubtotal)],
    ...(order.amountDiscount > 0 ? [['Discount', `−${money(order.amountDiscount)}`] as [string, string]] : []),
    [`Shipping${order.shippingMethod ? ` (${order.shippingMethod})` : ''}`, money(order.amountShipping)],
    [
      `Tax${order.taxRate ? ` (${order.taxRate.displayName} ${order.taxRate.percentage} %${order.taxRate.inclusive ? ', included' : ''})` : ''}`,
      money(order.amountTax),
    ],
    ['Total paid', money(order.amountTotal)],
    ['Refunded', money(order.amountRefunded)],
  ];
  return (
    <dl className="admin-amounts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
