// Runs once when the Next.js server starts, before it serves a request: a bad environment fails here, with one
// message, not on a buyer's request; and so does a PGlite folder another process holds (lib/db/pglite-lock.ts).
export async function register() {
  // `next build` also loads this file (to prerender): a build must not take the folder a running server holds.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { parseEnv } = await import('@/lib/env-schema');
  parseEnv(process.env);
  const { openDatabaseAtStart } = await import('@/lib/db/client');
  try {
    await openDatabaseAtStart();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'pglite_locked') throw error;
    // One clear line and a non-zero exit: Next would otherwise print a stack and keep a server that cannot work.
    console.error((error as Error).message);
    process.exit(1);
  }
}
