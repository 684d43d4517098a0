import 'server-only';
import { mkdirSync } from 'node:fs';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { env, type Env } from '@/lib/env';
import { DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT_MS } from '@/lib/env-schema';
import { seedInventory } from '@/lib/db/inventory';
import { lockPgliteFolder, PgliteLockedError } from '@/lib/db/pglite-lock';
import { PgliteThread } from '@/lib/db/pglite-thread';
import { createPool } from '@/lib/db/pool';
import * as schema from '@/lib/db/schema';
import { MIGRATIONS_FOLDER } from '@/lib/db/migrations-folder';

type DatabaseMode = Env['database'];

/** The one database type the verbs take: PGlite and node-postgres both give a PgDatabase over this schema. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Applies the committed migrations (lib/db/migrations); already-applied ones are skipped. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens PGlite (a folder, or `memory://`, perhaps from an image: DatabaseMode) or a node-postgres pool.
 * Nothing is migrated here.
 */
export async function openDatabase(mode: DatabaseMode, options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  if (mode.kind === 'postgres') {
    const pool = createPool(mode.url, {
      size: options.poolSize ?? mode.poolSize ?? DEFAULT_POOL_SIZE,
      timeoutMs: mode.poolTimeoutMs ?? DEFAULT_POOL_TIMEOUT_MS,
    });
    const db = drizzleNodePg(pool, { schema });
    return {
      db: db as unknown as Database, // the same PgDatabase; only the driver's result type differs
      engine: 'postgres',
      migrate: () => migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const inMemory = mode.dataDir.startsWith('memory://');
  // PGlite does not create the parent folder of its data dir.
  if (!inMemory) mkdirSync(mode.dataDir, { recursive: true });
  // A folder is one process's at a time (lib/db/pglite-lock.ts); memory:// is private to its instance.
  const lock = inMemory ? null : lockPgliteFolder(mode.dataDir);
  // On a thread of its own: its statements' CPU is off the event loop that renders pages (lib/db/pglite-thread.ts).
  let client: PgliteThread;
  try {
    client = await PgliteThread.start(mode.dataDir, inMemory ? mode.startFrom : undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client as never, { schema }); // the two calls Drizzle's PGlite driver makes
  return {
    db: db as unknown as Database,
    engine: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

/**
 * Opens the database and makes it ready: the embedded PGlite is migrated at start (nothing to set up);
 * a real Postgres is migrated by `npm run db:migrate`, run before a deploy. Both get any catalog product
 * that has no inventory row yet, with its starting stock.
 */
export async function openReadyDatabase(
  mode: DatabaseMode,
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle> {
  const handle = await openDatabase(mode, options);
  if (handle.engine === 'pglite') await handle.migrate();
  await seedInventory(handle.db);
  return handle;
}

// One database per process, kept on globalThis: Next bundles each route separately, and a PGlite data dir
// must be opened by one instance only.
const GLOBAL_KEY = Symbol.for('storefront.database');
type Holder = { [GLOBAL_KEY]?: Promise<DatabaseHandle> };
const holder = globalThis as Holder;

/** The app's database, from the environment, opened on first use. */
export function database(): Promise<Database> {
  holder[GLOBAL_KEY] ??= openReadyDatabase(env().database).catch((error: unknown) => {
    holder[GLOBAL_KEY] = undefined; // the next request tries again
    throw error;
  });
  return holder[GLOBAL_KEY].then((handle) => handle.db);
}

/** Tests and benchmarks: makes `database()` answer with this handle. */
export function useDatabase(handle: DatabaseHandle): void {
  holder[GLOBAL_KEY] = Promise.resolve(handle);
}

/**
 * Called by instrumentation.ts when the server starts: the embedded database is opened (its folder locked,
 * migrated) before the first request, so a second server on a taken folder stops at once, with the lock's
 * message and exit code 1, rather than answering 500 to buyers. A real Postgres is left to the first request:
 * a database that is down for a moment should not keep the server from starting.
 */
export async function openDatabaseAtStart(): Promise<void> {
  if (env().database.kind !== 'pglite') return;
  await database().catch((error: unknown) => {
    if (!(error instanceof PgliteLockedError)) throw error;
    console.error(error.message); // one clear line, no stack: there is nothing to debug, only a choice to make
    process.exit(1);
  });
}
