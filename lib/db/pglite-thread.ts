// The server's side of the embedded PGlite's thread (lib/db/pglite-worker.mjs): the client Drizzle's PGlite
// driver is given, with the two calls it makes (`query` and `transaction`), each a message to the thread.
// The PGlite stays one connection: the thread runs one statement at a time and a transaction keeps it, as before;
// what moves is the CPU, off the event loop that renders pages and answers buyers.
import 'server-only';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

type Rows = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string) => unknown> };
type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> };

const WORKER_FILE = join(process.cwd(), 'lib/db/pglite-worker.mjs');

/** A statement's client: the database, or one open transaction. */
export type PgliteClient = {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Rows>;
  transaction<T>(run: (client: PgliteClient) => Promise<T>): Promise<T>;
};

/** An error from the thread, rebuilt with Postgres's fields (code, detail, constraint, …). */
function rebuild(error: Record<string, unknown>): Error {
  return Object.assign(new Error(String(error.message)), error);
}

export class PgliteThread implements PgliteClient {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  /** Why the thread is gone, once it is: every later call fails with it at once. */
  private stopped: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.ok) waiting?.resolve(answer.value);
      else waiting?.reject(rebuild(answer.error));
    });
    // A thread that dies fails what it was asked (the server logs it and answers 503), never leaves it hanging.
    const failAll = (error: Error) => {
      this.stopped ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The database thread stopped (exit ${code}).`)));
  }

  /**
   * Starts the thread on `dataDir` (a folder, or `memory://`) and resolves once PGlite is ready. `startFrom`: a data
   * directory image for a memory:// database to begin from (lib/db/pglite-image.ts), instead of an empty cluster.
   */
  static async start(dataDir: string, startFrom?: string): Promise<PgliteThread> {
    const worker = new Worker(WORKER_FILE, { workerData: { dataDir, startFrom } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (first: { ready?: true; failed?: Record<string, unknown> }) =>
        first.ready ? resolve() : reject(rebuild(first.failed ?? { message: 'The database thread failed to start.' })),
      );
      worker.once('error', reject);
    });
    return new PgliteThread(worker);
  }

  private ask<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...args });
    });
  }

  private statement(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<Rows> {
    // Drizzle's parsers only keep some types as the text Postgres sent (timestamps, dates, intervals): the
    // thread does the same for the types named, since functions cannot cross to it.
    const textTypes = Object.keys(options.parsers ?? {}).map(Number);
    return this.ask('query', { sql, params, rowMode: options.rowMode ?? 'object', textTypes, tx });
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Rows> {
    return this.statement(sql, params, options);
  }

  async transaction<T>(run: (client: PgliteClient) => Promise<T>): Promise<T> {
    const tx = await this.ask<number>('begin');
    const inTransaction: PgliteClient = {
      query: (sql, params, options) => this.statement(sql, params, options, tx),
      transaction: () => Promise.reject(new Error('Nested transactions are savepoints: Drizzle makes them.')),
    };
    let result: T;
    try {
      result = await run(inTransaction);
    } catch (error) {
      // The work's own error is the one to report; a rollback that fails (a thread that died) ended it anyway.
      await this.ask('end', { tx, commit: false }).catch(() => undefined);
      throw error;
    }
    await this.ask('end', { tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    await this.ask('close');
    await this.worker.terminate();
  }
}
