import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { windowsAt, type WindowCounts } from '@/lib/checkout/creation-limit';
import type { Database } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/raw';
import { rateLimits } from '@/lib/db/schema';

export type Admission = { admitted: true } | { admitted: false; counts: WindowCounts };

/**
 * Counts one request against `key` if the sliding estimate of the last `windowMs` stays within `limit` with it
 * (`admits` in lib/checkout/creation-limit.ts, written here in SQL), in one statement: the previous window's count
 * is read inside it, and the conflict clause re-checks the current count on the locked row, so concurrent requests
 * (any instance) never admit more. Kept in the database, so the limit holds across server instances (Vercel runs
 * many). A refusal reads both counts back for the caller's Retry-After.
 */
export async function admitRequest(
  db: Database,
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
  now = new Date(),
): Promise<Admission> {
  const { start, previousStart, previousWeight } = windowsAt(now, windowMs);
  const previous = sql`coalesce((select p.count from ${rateLimits} p
    where p.key = ${key} and p.window_start = ${previousStart.toISOString()}::timestamptz), 0) * ${previousWeight}::float8`;
  const counted = await db.execute(sql`
    insert into ${rateLimits} (key, window_start, count)
    select ${key}, ${start.toISOString()}::timestamptz, 1 where 1 + ${previous} <= ${limit}
    on conflict (key, window_start) do update set count = ${rateLimits.count} + 1
    where ${rateLimits.count} + 1 + ${previous} <= ${limit}
    returning count`);
  if (rowsOf(counted).length > 0) return { admitted: true };
  const rows = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), inArray(rateLimits.windowStart, [start, previousStart])));
  const countAt = (window: Date) => rows.find((row) => row.windowStart.getTime() === window.getTime())?.count ?? 0;
  return { admitted: false, counts: { current: countAt(start), previous: countAt(previousStart) } };
}

/** Windows that have ended (the sweep). */
export async function deleteOldWindows(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ key: rateLimits.key });
  return deleted.length;
}
