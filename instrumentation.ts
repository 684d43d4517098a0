// Runs once when the Next.js server starts: a bad environment fails here, with one message, not on a buyer's
// request. A long-running server then runs the store's scheduled jobs itself (lib/jobs/schedule.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { parseEnv } = await import('@/lib/env-schema');
    parseEnv(process.env);
    const { startScheduledJobs } = await import('@/lib/jobs/schedule');
    startScheduledJobs();
  }
}
