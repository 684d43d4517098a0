import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { emails } from '@/lib/db/schema';

export type EmailRow = typeof emails.$inferSelect;
export type NewEmail = Pick<EmailRow, 'dedupeKey' | 'kind' | 'orderId' | 'to' | 'subject' | 'text' | 'html' | 'status'>;

/** How long a sender's claim on an email lasts before another may try it (an SMTP attempt times out well before). */
export const CLAIM_MINUTES = 5;
/** Attempts before an email is given up as `failed` (and logged as an error for the owner). */
export const MAX_ATTEMPTS = 5;

/** Stores an email once per dedupe key; returns its id, or null when it was already there. */
export async function storeEmail(db: Database, email: NewEmail): Promise<number | null> {
  const [row] = await db
    .insert(emails)
    .values(email)
    .onConflictDoNothing({ target: emails.dedupeKey })
    .returning({ id: emails.id });
  return row?.id ?? null;
}

/**
 * Claims a pending email for one send attempt: one conditional update, so of two senders (the request that
 * queued it, the `emails` job) only one gets it. Returns the email, or null when someone else has it or it is done.
 */
export async function claimEmail(db: Database, id: number, now = new Date()): Promise<EmailRow | null> {
  const stale = new Date(now.getTime() - CLAIM_MINUTES * 60_000);
  const [row] = await db
    .update(emails)
    .set({ attempts: sql`${emails.attempts} + 1`, lastAttemptAt: now })
    .where(
      and(
        eq(emails.id, id),
        eq(emails.status, 'pending'),
        or(isNull(emails.lastAttemptAt), lt(emails.lastAttemptAt, stale)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markEmailSent(db: Database, id: number, at = new Date()): Promise<void> {
  await db.update(emails).set({ status: 'sent', sentAt: at, lastError: null }).where(eq(emails.id, id));
}

/** A failed attempt: pending again for the next run of the job, or `failed` after MAX_ATTEMPTS. */
export async function markEmailFailed(
  db: Database,
  email: Pick<EmailRow, 'id' | 'attempts'>,
  error: string,
): Promise<'pending' | 'failed'> {
  const status = email.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await db
    .update(emails)
    .set({ status, lastError: error.slice(0, 500) })
    .where(eq(emails.id, email.id));
  return status;
}

/** What the owner may send again: `failed` (given up after the retries), `outbox` (kept while SMTP_URL was unset). */
export const RESENDABLE = ['failed', 'outbox'];

/**
 * Puts a failed or outbox email back to `pending`, with a fresh round of attempts, in one conditional update: of
 * two submits of one "Send again" only one gets it. Returns the email, or null when it was not failed or in the outbox.
 */
export async function requeueEmail(db: Database, id: number): Promise<EmailRow | null> {
  const [row] = await db
    .update(emails)
    .set({ status: 'pending', attempts: 0, lastAttemptAt: null, lastError: null })
    .where(and(eq(emails.id, id), inArray(emails.status, RESENDABLE)))
    .returning();
  return row ?? null;
}

export async function findEmail(db: Database, id: number): Promise<EmailRow | null> {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row ?? null;
}

/** Pending emails no sender holds now, oldest first. */
export async function pendingEmailIds(db: Database, limit: number, now = new Date()): Promise<number[]> {
  const stale = new Date(now.getTime() - CLAIM_MINUTES * 60_000);
  const rows = await db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, 'pending'), or(isNull(emails.lastAttemptAt), lt(emails.lastAttemptAt, stale))))
    .orderBy(asc(emails.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** Every email the shop made, newest first, a page at a time (the back office's outbox). */
export async function listEmails(
  db: Database,
  { page = 1, pageSize = 20 } = {},
): Promise<{ emails: EmailRow[]; total: number }> {
  const rows = await db
    .select()
    .from(emails)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(emails);
  return { emails: rows, total: total?.n ?? 0 };
}

export async function emailsOfOrder(db: Database, orderId: number): Promise<EmailRow[]> {
  return db.select().from(emails).where(eq(emails.orderId, orderId)).orderBy(asc(emails.createdAt));
}
