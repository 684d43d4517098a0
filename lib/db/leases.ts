import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/raw';
import { leases } from '@/lib/db/schema';

/**
 * The one statement that takes a lease: it inserts the key, or takes it over when the last holder's time is
 * up, and returns a row only when this holder now has it. Used alone (`tryLease`) or as the first part of a
 * larger statement (lib/db/checkout-changes.ts), so taking a lease never costs a round trip of its own there.
 */
export function leaseUpsert(key: string, holder: string, until: Date, now: Date): SQL {
  return sql`insert into ${leases} (key, holder, until) values (${key}, ${holder}, ${until.toISOString()}::timestamptz)
    on conflict (key) do update set holder = excluded.holder, until = excluded.until
    where ${leases.until} <= ${now.toISOString()}::timestamptz
    returning holder`;
}

/** Takes the lease on `key` for `ms`, or answers false at once when someone else holds it. */
export async function tryLease(
  db: Database,
  key: string,
  holder: string,
  ms: number,
  now = new Date(),
): Promise<boolean> {
  return rowsOf(await db.execute(leaseUpsert(key, holder, new Date(now.getTime() + ms), now))).length > 0;
}

/** Gives a lease back (only the holder's own: a lease taken over after its time stays with the new holder). */
export async function releaseLease(db: Database, key: string, holder: string): Promise<void> {
  await db.delete(leases).where(and(eq(leases.key, key), eq(leases.holder, holder)));
}

/** Leases whose time is up (the sweep): a released lease is deleted, an abandoned one stays until then. */
export async function deleteExpiredLeases(db: Database, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(leases)
    .where(sql`${leases.until} <= ${now.toISOString()}::timestamptz`)
    .returning({ key: leases.key });
  return deleted.length;
}
