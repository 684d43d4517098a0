import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { OrdersTable } from '@/components/admin/orders-table';
import { Pager } from '@/components/admin/pager';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminOrders } from '@/lib/actions/admin-views';

export const metadata: Metadata = { title: 'Orders' };

type Search = { q?: string | string[]; page?: string | string[] };

export default async function AdminOrders({ searchParams }: { searchParams: Promise<Search> }) {
  await requireAdminPage();
  const params = await searchParams;
  const query = (typeof params.q === 'string' ? params.q : '').slice(0, 200);
  const page = Math.min(Math.max(1, Number.parseInt(typeof params.page === 'string' ? params.page : '1', 10) || 1), 100_000);
  const result = await adminOrders(query, page);
  return (
    <AdminPage title="Orders" current="/admin/orders">
      <form method="get" action="/admin/orders" className="admin-form" role="search">
        <label>
          Order number or email
          <input type="search" name="q" defaultValue={query} maxLength={200} />
        </label>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p aria-live="polite">
        {result.total} {result.total === 1 ? 'order' : 'orders'}
        {query ? ` matching “${query}”` : ''}, newest first.
      </p>
      <OrdersTable orders={result.orders} />
      <Pager page={page} pageCount={Math.ceil(result.total / result.pageSize)} query={query} />
    </AdminPage>
  );
}
