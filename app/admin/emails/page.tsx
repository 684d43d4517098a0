import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { EmailsTable } from '@/components/admin/emails-table';
import { Pager } from '@/components/admin/pager';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminEmails } from '@/lib/actions/admin-views';
import { parseListPage } from '@/lib/admin/list-page';

export const metadata: Metadata = { title: 'Emails' };

export default async function AdminEmailsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  await requireAdminPage();
  const page = parseListPage((await searchParams).page);
  const { emails, total, pageSize, viaSmtp } = await adminEmails(page);
  return (
    <AdminPage title="Emails" current="/admin/emails">
      <p>
        {viaSmtp
          ? 'Order confirmations and refund notices are sent through your mail server (SMTP_URL). One that fails is tried again by the emails job; one that failed for good can be sent again below.'
          : 'SMTP_URL is not set, so the shop sends no email: order confirmations and refund notices are kept here instead. Set SMTP_URL to send them.'}{' '}
        {total} in all, newest first.
      </p>
      <EmailsTable emails={emails} viaSmtp={viaSmtp} page={page} />
      <Pager path="/admin/emails" page={page} pageCount={Math.ceil(total / pageSize)} />
    </AdminPage>
  );
}
