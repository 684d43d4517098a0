import Link from 'next/link';
import { formatDateTime, ORDER_STATUS_LABEL } from '@/components/admin/format';
import type { OrderRow } from '@/lib/actions/admin-views';
import { formatMoney } from '@/lib/format';

export function OrdersTable({ orders }: { orders: OrderRow[] }) {
  if (orders.length === 0) return <p>No orders found.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Email</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">Total</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td>
              <Link href={`/admin/orders/${order.id}`}>#{order.id}</Link>
            </td>
            <td>{formatDateTime(order.createdAt)}</td>
            <td>{order.email ?? '—'}</td>
            <td>{order.mode === 'subscription' ? 'Plan' : 'Products'}</td>
            <td className="num">{formatMoney(order.amountTotal, order.currency)}</td>
            <td>{ORDER_STATUS_LABEL[order.status] ?? order.status}{order.canceledAt ? ', cancelled' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
