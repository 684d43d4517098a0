import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminPage } from '@/components/admin/admin-page';
import { formatDateTime, ORDER_STATUS_LABEL } from '@/components/admin/format';
import { OrderAmounts } from '@/components/admin/order-amounts';
import { OrderHistory } from '@/components/admin/order-history';
import { OrderLines } from '@/components/admin/order-lines';
import { PlanPanel } from '@/components/admin/plan-panel';
import { RefundForm } from '@/components/admin/refund-form';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminOrder, parseAdminOrderId } from '@/lib/actions/admin-views';
import { addressLines } from '@/lib/format';

export const metadata: Metadata = { title: 'Order' };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const orderId = parseAdminOrderId((await params).id);
  const found = orderId === null ? null : await adminOrder(orderId);
  if (!found) notFound();
  const { order, lines, refunds, subscription } = found;
  const address = order.shipping?.address;
  return (
    <AdminPage title={`Order #${order.id}`} current="/admin/orders">
      <p>
        {ORDER_STATUS_LABEL[order.status] ?? order.status}
        {order.canceledAt ? ', subscription cancelled' : ''} · placed {formatDateTime(order.createdAt)} ·{' '}
        {order.email ?? 'no email'}
      </p>
      <div className="admin-grid">
        <section className="admin-card" aria-labelledby="amounts">
          <h2 id="amounts">Amounts</h2>
          <OrderAmounts order={order} />
        </section>
        <section className="admin-card" aria-labelledby="ship-to">
          <h2 id="ship-to">Ship to</h2>
          {address ? (
            <address>
              {[order.shipping?.name, ...addressLines(address)].filter(Boolean).map((part, index) => (
                <span key={index}>
                  {part}
                  <br />
                </span>
              ))}
            </address>
          ) : (
            <p>No shipping address (a plan, or nothing to ship).</p>
          )}
        </section>
        <section className="admin-card" aria-labelledby="stripe-ids">
          <h2 id="stripe-ids">At Stripe</h2>
          <dl className="ids">
            <dt>Checkout Session</dt>
            <dd>{order.sessionId}</dd>
            {order.subscriptionId ? (
              <>
                <dt>Subscription</dt>
                <dd>{order.subscriptionId}</dd>
              </>
            ) : null}
            <dt>{order.subscriptionId ? 'First payment' : 'Payment'}</dt>
            <dd>{order.paymentIntentId ?? '—'}</dd>
          </dl>
        </section>
      </div>
      <section className="admin-card" aria-labelledby="lines">
        <h2 id="lines">Lines</h2>
        <OrderLines lines={lines} currency={order.currency} />
      </section>
      <section className="admin-card" aria-labelledby="refund">
        <h2 id="refund">{order.subscriptionId ? 'Subscription' : 'Refund'}</h2>
        {order.subscriptionId ? (
          <PlanPanel order={order} subscription={subscription} />
        ) : (
          <RefundForm order={order} lines={lines} />
        )}
      </section>
      <section className="admin-card" aria-labelledby="history">
        <h2 id="history">History</h2>
        <OrderHistory order={order} refunds={refunds} />
      </section>
    </AdminPage>
  );
}
