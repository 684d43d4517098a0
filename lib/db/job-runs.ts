import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { jobRuns } from '@/lib/db/schema';

export type JobRun = typeof jobRuns.$inferSelect;

export async function jobRun(db: Database, job: string): Promise<JobRun | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.job, job));
  return row ?? null;
}

/** Records that a job finished, and where the next run starts (the reconciler's cursor). */
export async function recordJobRun(db: Database, job: string, run: { startedAt: Date; cursor?: Date }): Promise<void> {
  const values = {
    lastStartedAt: run.startedAt,
    lastFinishedAt: new Date(),
    ...(run.cursor && { cursor: run.cursor }),
  };
  await db
    .insert(jobRuns)
    .values({ job, ...values })
    .onConflictDoUpdate({ target: jobRuns.job, set: values });
}
