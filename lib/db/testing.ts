// Fresh databases for tests (never imported by the app). Every test gets its own: an in-memory PGlite, or,
// when the run asks for Postgres (`npm run test:db` with TEST_DATABASE_URL), a new database on that server,
// dropped afterwards. Both are migrated from the committed SQL, as production is.
import 'server-only';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';

export type Engine = 'pglite' | 'postgres';

/** The engines this run tests: PGlite always, unless DB_TEST_ENGINES says otherwise (test:db sets `postgres`). */
export function testEngines(): Engine[] {
  const listed = (process.env.DB_TEST_ENGINES ?? 'pglite').split(',').map((name) => name.trim());
  return listed.filter((name): name is Engine => name === 'pglite' || name === 'postgres');
}

export type TestDatabase = DatabaseHandle & { dispose(): Promise<void> };

export async function freshDatabase(engine: Engine, options: { poolSize?: number; poolTimeoutMs?: number } = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await handle.migrate();
    return { ...handle, dispose: handle.close };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: the Postgres tests need a server to make databases on');
  const name = `storefront_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Tests check outcomes, not latency: on a loaded machine 50 concurrent buyers may queue past the app's 5 s
  // pool timeout, so tests wait longer unless they test the timeout itself (lib/db/pool.test.ts).
  const pool = { poolSize: options.poolSize ?? 20, poolTimeoutMs: options.poolTimeoutMs ?? 30_000 };
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), ...pool });
  await handle.migrate();
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
