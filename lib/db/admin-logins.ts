import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { adminLoginAttempts } from '@/lib/db/schema';

/** Records one sign-in attempt from a client address. */
export async function recordLoginAttempt(
  db: Database,
  address: string,
  succeeded: boolean,
  at = new Date(),
): Promise<void> {
  await db.insert(adminLoginAttempts).values({ address, succeeded, attemptedAt: at });
}

/** Failed attempts from this address since `since`: counted in the database, so the limit holds across servers. */
export async function failedLoginsSince(db: Database, address: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(adminLoginAttempts)
    .where(
      and(
        eq(adminLoginAttempts.address, address),
        eq(adminLoginAttempts.succeeded, false),
        gt(adminLoginAttempts.attemptedAt, since),
      ),
    );
  return row?.n ?? 0;
}
