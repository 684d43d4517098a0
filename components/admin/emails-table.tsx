import { PageLink } from '@/components/ui/page-link';
import { formatDateTime } from '@/components/admin/format';
import type { EmailRow } from '@/lib/actions/admin-views';

const STATUS: Record<string, string> = {
  outbox: 'In the outbox',
  pending: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
};
/** The button of an email the owner may send (with a mail server): one that failed, or one kept before there was one. */
const SEND: Record<string, string> = { failed: 'Send again', outbox: 'Send now' };

/** Each email with its text as sent (open a row to read it), its state, and a button to send it when it can be. */
export function EmailsTable({ emails, viaSmtp, page }: { emails: EmailRow[]; viaSmtp: boolean; page: number }) {
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
            <td data-label="Made" className="when">
              {formatDateTime(email.createdAt)}
            </td>
            <td data-label="To">{email.to}</td>
            <td data-label="Email" className="wide">
              <details>
                <summary>{email.subject}</summary>
                <pre>{email.text}</pre>
              </details>
            </td>
            <td data-label="Order">
              {email.orderId ? <PageLink href={`/admin/orders/${email.orderId}`}>#{email.orderId}</PageLink> : '—'}
            </td>
            <td data-label="State" className="wide">
              <EmailState email={email} />
              <SendButton email={email} viaSmtp={viaSmtp} page={page} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The state in the owner's words: when it was sent, or what the mail server said to the last try. */
function EmailState({ email }: { email: EmailRow }) {
  const state = STATUS[email.status] ?? email.status;
  if (email.sentAt) return <>{`${state} ${formatDateTime(email.sentAt)}`}</>;
  if (!email.lastError) return <>{state}</>;
  const tries = email.status === 'failed' ? ` after ${email.attempts} tries` : '';
  return (
    <>
      {state}
      {tries}
      <br />
      <span className="muted">The mail server said: {email.lastError}</span>
    </>
  );
}

function SendButton({ email, viaSmtp, page }: { email: EmailRow; viaSmtp: boolean; page: number }) {
  const label = SEND[email.status];
  if (!label || (!viaSmtp && email.status === 'outbox')) return null;
  if (!viaSmtp) return <p className="muted">Set SMTP_URL to send it.</p>;
  return (
    <form method="post" action={`/api/admin/emails/${email.id}/send`}>
      <input type="hidden" name="page" value={page} />
      <button type="submit" className="button secondary" aria-label={`${label}: ${email.subject}, to ${email.to}`}>
        {label}
      </button>
    </form>
  );
}
