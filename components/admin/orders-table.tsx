import { PageLink } from '@/components/ui/page-link';
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
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td data-label="Order">
              <PageLink href={`/admin/orders/${order.id}`}>#{order.id}</PageLink>
            </td>
            <td data-label="Placed" className="when">
              {formatDateTime(order.createdAt)}
            </td>
            <td data-label="Email">{order.email ?? '—'}</td>
            <td data-label="Kind">{order.mode === 'subscription' ? 'Plan' : 'Products'}</td>
            <td data-label="Total" className="num">
              {formatMoney(order.amountTotal, order.currency)}
            </td>
            <td data-label="State">
              {ORDER_STATUS_LABEL[order.status] ?? order.status}
              {order.canceledAt ? ', cancelled' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
