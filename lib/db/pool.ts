// The Postgres connection pool, with a bound on waiting. A request that finds every connection busy waits in
// node-postgres's queue; without `connectionTimeoutMillis` it waits for ever (900 queued actions all waited,
// p95 5 s). With it, the wait ends after the timeout with DatabaseBusyError, which a route answers 503 with
// Retry-After: "busy, try again" beats a spinner. PGlite has one connection and no pool (lib/db/client.ts).
import 'server-only';
import pg from 'pg';
import { DatabaseBusyError } from '@/lib/errors';
import { log } from '@/lib/log';

/**
 * node-postgres's errors when no connection came within `connectionTimeoutMillis` (pg-pool/index.js): the
 * pool was full and none came free, or opening a new connection took too long. It gives them no code.
 */
const TIMEOUT_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

/** The pool's timeout as the app's DatabaseBusyError; any other error unchanged. */
export function busyErrorFrom<E>(error: E): E | DatabaseBusyError {
  if (!(error instanceof Error) || !TIMEOUT_MESSAGES.has(error.message)) return error;
  return new DatabaseBusyError(`No database connection within the pool's timeout: ${error.message}`);
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/** A pg.Pool whose connect (which its own `query` uses too) reports a timeout as DatabaseBusyError. */
class BoundedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect().catch((error: unknown) => Promise.reject(busyErrorFrom(error)));
    super.connect((error, client, done) => callback(busyErrorFrom(error), client, done));
  }
}

export function createPool(url: string, { size, timeoutMs }: { size: number; timeoutMs: number }): pg.Pool {
  const pool = new BoundedPool({ connectionString: url, max: size, connectionTimeoutMillis: timeoutMs });
  // An idle connection the server ends (a restart, a failover) must not crash the process: the pool drops it
  // and opens a new one on the next query. Without a listener node-postgres rethrows it as uncaught.
  pool.on('error', (error) => log.warn('db.idle_connection_closed', { error }));
  return pool;
}
