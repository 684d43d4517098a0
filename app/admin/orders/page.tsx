import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { OrdersTable } from '@/components/admin/orders-table';
import { Pager } from '@/components/admin/pager';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminOrders } from '@/lib/actions/admin-views';
import { parseListPage } from '@/lib/admin/list-page';

export const metadata: Metadata = { title: 'Orders' };

type Search = { q?: string | string[]; page?: string | string[] };

export default async function AdminOrders({ searchParams }: { searchParams: Promise<Search> }) {
  await requireAdminPage();
  const params = await searchParams;
  const query = (typeof params.q === 'string' ? params.q : '').slice(0, 200);
  const page = parseListPage(params.page);
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
      <Pager path="/admin/orders" page={page} pageCount={Math.ceil(result.total / result.pageSize)} query={query} />
    </AdminPage>
  );
}
