import 'server-only';
import { sendPendingEmails } from '@/lib/jobs/emails';
import { reconcile } from '@/lib/jobs/reconcile';
import { sweep } from '@/lib/jobs/sweep';

/**
 * The store's scheduled jobs, by the name their route takes (`/api/cron/<job>`). Each may run late or twice
 * without harm; vercel.json schedules them on Vercel, and a long-running server runs them itself
 * (lib/jobs/schedule.ts).
 */
export const JOBS = {
  sweep: () => sweep(),
  reconcile: () => reconcile(),
  emails: () => sendPendingEmails(),
} satisfies Record<string, () => Promise<unknown>>;

export type JobName = keyof typeof JOBS;

export const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);
