import 'server-only';
import { after } from 'next/server';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { database, type Database } from '@/lib/db/client';
import { findOrderById } from '@/lib/db/admin-orders';
import { claimEmail, findEmail, markEmailFailed, markEmailSent, requeueEmail, storeEmail } from '@/lib/db/emails';
import type { RefundedLine } from '@/lib/db/schema';
import type { Flash } from '@/lib/admin/flash';
import { renderOrderConfirmation, renderRefundNotice, type RenderedEmail } from '@/lib/email/render';
import { sendSmtp } from '@/lib/email/smtp';
import { env } from '@/lib/env';
import { InvalidRequestError } from '@/lib/errors';
import { log } from '@/lib/log';

type Outgoing = {
  dedupeKey: string;
  kind: 'order_confirmation' | 'refund_notice';
  orderId: number;
  to: string;
  email: RenderedEmail;
};

/**
 * Keeps an email (once per dedupe key) and sends it when SMTP_URL is set: after the response, so a slow or
 * failing mail server never delays the order or the refund. Without SMTP_URL it stays in the outbox the back
 * office lists. Never throws: a failure is logged, and a failed send is retried by the `emails` job.
 */
async function queueEmail(out: Outgoing): Promise<void> {
  try {
    const db = await database();
    const smtp = env().email.smtpUrl;
    const id = await storeEmail(db, {
      dedupeKey: out.dedupeKey,
      kind: out.kind,
      orderId: out.orderId,
      to: out.to,
      ...out.email,
      status: smtp ? 'pending' : 'outbox',
    });
    if (id === null) return;
    log.info('email.queued', { id, kind: out.kind, order: out.orderId, via: smtp ? 'smtp' : 'outbox' });
    if (!smtp) return;
    const send = () => sendEmail(db, id);
    try {
      after(send);
    } catch {
      void send(); // outside a request (a script, a test): send now, without waiting
    }
  } catch (error) {
    log.error('email.queue_failed', { kind: out.kind, order: out.orderId, error });
  }
}

/** One send attempt of a stored email, if no other sender holds it; the outcome is recorded and logged. */
export async function sendEmail(
  db: Database,
  id: number,
  now = new Date(),
): Promise<'sent' | 'pending' | 'failed' | 'skipped'> {
  const email = await claimEmail(db, id, now);
  const smtp = env().email.smtpUrl;
  if (!email || !smtp) return 'skipped';
  try {
    await sendSmtp(smtp, {
      from: env().email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    await markEmailSent(db, id);
    log.info('email.sent', { id, kind: email.kind, order: email.orderId, attempt: email.attempts });
    return 'sent';
  } catch (error) {
    const status = await markEmailFailed(db, email, error instanceof Error ? error.message : String(error));
    (status === 'failed' ? log.error : log.warn)('email.send_failed', {
      id,
      kind: email.kind,
      attempt: email.attempts,
      status,
      error,
    });
    return status;
  }
}

/** The order confirmation of a newly recorded order (called once, by the path that recorded it). */
export async function sendOrderConfirmation(orderId: number, receipt: CheckoutReceipt): Promise<void> {
  if (!receipt.email) return log.warn('email.no_address', { order: orderId });
  await queueEmail({
    dedupeKey: `order:${orderId}:confirmation`,
    kind: 'order_confirmation',
    orderId,
    to: receipt.email,
    email: renderOrderConfirmation(orderId, receipt),
  });
}

/** The refund notice of a newly booked refund, read from the order as booked. */
export async function sendRefundNotice(
  orderId: number,
  refund: { id: string; amount: number; lines: RefundedLine[] },
): Promise<void> {
  try {
    const found = await findOrderById(await database(), orderId);
    const to = found?.order.email;
    if (!found || !to) return log.warn('email.no_address', { order: orderId, refund: refund.id });
    const { order, lines } = found;
    const refundedLines = refund.lines.map((l) => ({
      description: lines.find((line) => line.position === l.position)?.description ?? 'Item',
      quantity: l.quantity,
    }));
    const email = renderRefundNotice({
      orderId,
      currency: order.currency,
      amount: refund.amount,
      amountRefunded: order.amountRefunded,
      amountTotal: order.amountTotal,
      lines: refundedLines,
    });
    await queueEmail({ dedupeKey: `refund:${refund.id}`, kind: 'refund_notice', orderId, to, email });
  } catch (error) {
    log.error('email.queue_failed', { kind: 'refund_notice', order: orderId, error });
  }
}

/**
 * The owner's "Send again" (an email given up after its retries) or "Send now" (one kept in the outbox while
 * SMTP_URL was unset): sent at once, so the page can say how it went. The email goes back to pending in one
 * conditional update and is then claimed like any send, so a form sent twice sends it once. A refusal leaves it
 * pending for the `emails` job, with a fresh round of tries.
 */
export async function resendEmail(id: number): Promise<Flash> {
  if (!env().email.smtpUrl)
    throw new InvalidRequestError(
      `Email ${id}: SMTP_URL is not set`,
      'The shop has no mail server yet (SMTP_URL is not set), so it cannot send emails.',
    );
  const db = await database();
  const email = await requeueEmail(db, id);
  if (!email) {
    const found = await findEmail(db, id);
    if (!found) throw new InvalidRequestError(`No email ${id}`, 'There is no such email.');
    return {
      kind: 'ok',
      text:
        found.status === 'sent'
          ? `This email was sent already, to ${found.to}.`
          : `This email to ${found.to} is being sent already.`,
    };
  }
  log.info('email.resend', { id, kind: email.kind, order: email.orderId });
  const outcome = await sendEmail(db, id);
  if (outcome === 'sent') return { kind: 'ok', text: `Sent to ${email.to}.` };
  if (outcome === 'skipped') return { kind: 'ok', text: `This email to ${email.to} is being sent already.` };
  const error = (await findEmail(db, id))?.lastError;
  return {
    kind: 'error',
    text: `The mail server did not take the email to ${email.to}${error ? ` (${error})` : ''}. It will be tried again in a few minutes.`,
  };
}
