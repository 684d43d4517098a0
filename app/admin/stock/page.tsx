import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { StockTable } from '@/components/admin/stock-table';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminStock } from '@/lib/actions/admin-views';

export const metadata: Metadata = { title: 'Stock' };

export default async function AdminStockPage() {
  await requireAdminPage();
  return (
    <AdminPage title="Stock" current="/admin/stock">
      <p>
        Available is what new buyers can order: the stock less the units open checkouts hold until they are paid or
        expire. A change here applies at once; checkouts already open keep the units they hold.
      </p>
      <StockTable rows={await adminStock()} />
    </AdminPage>
  );
}
