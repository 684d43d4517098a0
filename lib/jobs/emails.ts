import 'server-only';
import { sendEmail } from '@/lib/actions/shop-emails';
import { database } from '@/lib/db/client';
import { pendingEmailIds } from '@/lib/db/emails';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/** Emails one run of the job tries at most: a run stays short, the next one takes the rest. */
const BATCH = 25;

/**
 * The `emails` job (registered in the cron route family, /api/cron/emails): sends the emails still pending, the
 * ones whose send after the response failed (the mail server was down) or never ran. Each is claimed first, so
 * an overlapping run or a request's own send never sends one twice. Without SMTP_URL there is nothing to send.
 */
export async function sendPendingEmails(now = new Date()): Promise<{ sent: number; pending: number; failed: number }> {
  const counts = { sent: 0, pending: 0, failed: 0 };
  if (!env().email.smtpUrl) return counts;
  const db = await database();
  for (const id of await pendingEmailIds(db, BATCH, now)) {
    const outcome = await sendEmail(db, id, now);
    if (outcome !== 'skipped') counts[outcome] += 1;
  }
  log.info('job.emails', counts);
  return counts;
}
