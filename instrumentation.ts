// Runs once when the Next.js server starts, before it serves a request: a bad environment fails here, with one
// message, not on a buyer's request; and so does a PGlite folder another process holds (lib/db/pglite-lock.ts).
// A long-running server then runs the store's scheduled jobs itself (lib/jobs/schedule.ts).
export async function register() {
  // `next build` also loads this file (to prerender): a build must not take the folder a running server holds.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { parseEnv } = await import('@/lib/env-schema');
    parseEnv(process.env);
    const { openDatabaseAtStart } = await import('@/lib/db/client');
    await openDatabaseAtStart();
    const { startScheduledJobs } = await import('@/lib/jobs/schedule');
    startScheduledJobs();
  }
}
