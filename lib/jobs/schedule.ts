import 'server-only';
import { env } from '@/lib/env';
import { JOBS, type JobName } from '@/lib/jobs';
import { log } from '@/lib/log';

/** How often a long-running server runs each job itself; the reconciler also runs once soon after start. */
const EVERY_MS: Record<JobName, number> = { sweep: 60_000, reconcile: 5 * 60_000, emails: 2 * 60_000 };
const FIRST_RECONCILE_MS = 5_000;

const running = new Set<JobName>();

/** Runs a job unless this process is already running it; logs the outcome, never throws. */
export async function runJob(name: JobName): Promise<unknown> {
  if (running.has(name)) return { skipped: 'already running' };
  running.add(name);
  try {
    const result = await JOBS[name]();
    log.info('job.done', { job: name, result: JSON.stringify(result) });
    return result;
  } finally {
    running.delete(name);
  }
}

const runQuietly = (name: JobName) =>
  runJob(name).catch((error: unknown) => log.error('job.failed', { job: name, error }));

/**
 * Starts the timers of a long-running server (`next start`, `npm run dev`). Not on Vercel, where functions do
 * not outlive their request and Vercel Cron calls /api/cron/<job> instead; SCHEDULED_JOBS=off turns them off.
 */
export function startScheduledJobs(): void {
  if (!env().scheduledJobs) return;
  setTimeout(() => void runQuietly('reconcile'), FIRST_RECONCILE_MS).unref();
  for (const name of Object.keys(EVERY_MS) as JobName[])
    setInterval(() => void runQuietly(name), EVERY_MS[name]).unref();
}
