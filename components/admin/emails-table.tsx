import Link from 'next/link';
import { formatDateTime } from '@/components/admin/format';
import type { EmailRow } from '@/lib/actions/admin-views';

const STATUS: Record<string, string> = { outbox: 'In the outbox', pending: 'Waiting to send', sent: 'Sent', failed: 'Failed' };

/** Each email with its text as sent (open a row to read it). */
export function EmailsTable({ emails }: { emails: EmailRow[] }) {
  if (emails.length === 0) return <p>No emails yet.</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">To</th>
          <th scope="col">Email</th>
          <th scope="col">Order</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {emails.map((email) => (
          <tr key={email.id}>
            <td>{formatDateTime(email.createdAt)}</td>
            <td>{email.to}</td>
            <td>
              <details>
                <summary>{email.subject}</summary>
                <pre>{email.text}</pre>
              </details>
            </td>
            <td>{email.orderId ? <Link href={`/admin/orders/${email.orderId}`}>#{email.orderId}</Link> : '—'}</td>
            <td>
              {STATUS[email.status] ?? email.status}
              {email.lastError ? ` (try ${email.attempts}: ${email.lastError})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
