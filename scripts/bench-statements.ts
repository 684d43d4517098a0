// Counts and times the statements a database handle sends, at the driver: PGlite's `query` (and a transaction's),
// or every node-postgres connection the pool hands out (`pool.query` and transactions both end there). A
// statement's time is from sending to its answer, without the wait for a free connection. For the bench only.
import { performance } from 'node:perf_hooks';
import type { Database } from '../lib/db/client';

export type Statement = { text: string; ms: number };

type Queryable = { query: (...args: unknown[]) => unknown; __benchCounted?: true };

/** Wraps the driver under `db`; `statements` lists what was sent since the last `reset()`. */
export function countStatements(db: Database) {
  const counter = { statements: [] as Statement[], reset: () => void (counter.statements = []) };
  const record = (text: string, started: number) =>
    counter.statements.push({ text: shorten(text), ms: performance.now() - started });
  const client = (db as unknown as { $client: unknown }).$client as Queryable & {
    on?: (event: string, listener: (c: Queryable) => void) => void;
    transaction?: (fn: (tx: Queryable) => unknown) => unknown;
  };
  if (typeof client.on === 'function' && 'totalCount' in client) {
    client.on('acquire', (connection) => wrap(connection, record)); // node-postgres pool
  } else {
    wrap(client, record);
    const transaction = client.transaction!.bind(client);
    client.transaction = (fn) => transaction((tx) => (wrap(tx, record), fn(tx)));
  }
  return counter;
}

function wrap(target: Queryable, record: (text: string, started: number) => void) {
  if (target.__benchCounted) return;
  target.__benchCounted = true;
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
    const started = performance.now();
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => (record(text, started), callback(...results));
      return original(...args);
    }
    const result = original(...args);
    if (result instanceof Promise) return result.finally(() => record(text, started));
    record(text, started);
    return result;
  };
}

const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 110 ? `${flat.slice(0, 107)}…` : flat;
};
