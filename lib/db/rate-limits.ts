import 'server-only';
import { lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';

/**
 * Counts one request against `key` in the current fixed window and returns the count so far, in one statement.
 * Kept in the database, so the limit holds across server instances (Vercel runs many).
 */
export async function countRequest(
  db: Database,
  key: string,
  windowSeconds: number,
  now = new Date(),
): Promise<{ count: number; windowEnds: Date }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  return { count: row?.count ?? 1, windowEnds: new Date(windowStart.getTime() + windowMs) };
}

/** Windows that have ended (the sweep). */
export async function deleteOldWindows(db: Database, before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ key: rateLimits.key });
  return deleted.length;
}
