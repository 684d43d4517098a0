import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { EmailsTable } from '@/components/admin/emails-table';
import { requireAdminPage } from '@/lib/actions/require-admin-page';
import { adminEmails } from '@/lib/actions/admin-views';

export const metadata: Metadata = { title: 'Emails' };

export default async function AdminEmailsPage() {
  await requireAdminPage();
  const { emails, total, viaSmtp } = await adminEmails(1);
  return (
    <AdminPage title="Emails" current="/admin/emails">
      <p>
        {viaSmtp
          ? 'Order confirmations and refund notices are sent through your mail server (SMTP_URL). One that fails is tried again by the emails job.'
          : 'SMTP_URL is not set, so the shop sends no email: order confirmations and refund notices are kept here instead. Set SMTP_URL to send them.'}{' '}
        {total} in all; the newest {emails.length} are below.
      </p>
      <EmailsTable emails={emails} />
    </AdminPage>
  );
}
