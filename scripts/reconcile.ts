// `npm run reconcile`: records paid checkouts that no webhook or return page recorded, and releases the holds of
// sessions Stripe reports expired (lib/jobs/reconcile.ts). When the storefront is running it asks that server to
// run it (POST /api/cron/reconcile with CRON_SECRET, at APP_URL or localhost:PORT): the embedded PGlite belongs to
// one process. Only when no server answers does it run here, on the database the environment names.
import './load-env';

const base = (process.env.APP_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/$/, '');
const secret = process.env.CRON_SECRET;

async function askServer(): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${base}/api/cron/reconcile`, {
      method: 'POST',
      headers: secret ? { Authorization: `Bearer ${secret}` } : {},
    });
  } catch {
    return false; // nothing listens there: no server is running
  }
  if (response.ok) {
    console.log(
      `reconcile ran on the server at ${base}: ${JSON.stringify(((await response.json()) as { result?: unknown }).result)}`,
    );
    return true;
  }
  console.error(
    response.status === 401 || response.status === 403
      ? `The storefront at ${base} is running but refused the job: set CRON_SECRET (in .env.local) to the server's, and run this again.`
      : `The storefront at ${base} answered ${response.status} to /api/cron/reconcile.`,
  );
  process.exit(1);
}

/** No server holds the database: run the job in this process, then close it. */
async function runHere() {
  const { parseEnv } = await import('../lib/env-schema');
  const { openReadyDatabase, useDatabase: adoptDatabase } = await import('../lib/db/client');
  const { reconcile } = await import('../lib/jobs/reconcile');
  const { PgliteLockedError } = await import('../lib/db/pglite-lock');
  const handle = await openReadyDatabase(parseEnv(process.env).database).catch((error: unknown) => {
    if (!(error instanceof PgliteLockedError)) throw error;
    // The embedded database belongs to a server we could not reach: it runs the reconciler itself every few minutes.
    console.error(
      `${error.message}\nThat server runs the reconciler itself; to run it now, set APP_URL (or PORT) and CRON_SECRET to the server's.`,
    );
    process.exit(1);
  });
  adoptDatabase(handle); // the jobs' modules reach the database through lib/db's one handle
  try {
    console.log(`reconcile ran here (no server at ${base}): ${JSON.stringify(await reconcile())}`);
  } finally {
    await handle.close();
  }
}

if (!(await askServer())) await runHere();
