// The embedded PGlite on its thread: statements, errors and transactions cross the thread as they would in
// process, and a thread that dies fails what it was asked instead of leaving it waiting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { givenTestImage } from '@/lib/db/pglite-image';
import { PgliteThread } from '@/lib/db/pglite-thread';

// From the unit runner's migrated image when there is one (~1.5 s of CPU a start, not initdb's ~6 s).
const image = givenTestImage();

describe('the PGlite thread', () => {
  let pg: PgliteThread;
  before(async () => {
    pg = await PgliteThread.start('memory://', image);
    await pg.query('create table t (id int primary key, at timestamptz)');
  });
  after(() => pg.close());

  test('a statement answers rows by name or by position; types Drizzle keeps as text stay text', async () => {
    await pg.query('insert into t values ($1, $2)', [1, '2026-12-06T12:00:00Z']);
    const byName = await pg.query('select id, at from t where id = $1', [1]);
    assert.deepEqual(byName.rows, [{ id: 1, at: new Date('2026-12-06T12:00:00Z') }]);
    const asText = await pg.query('select id, at from t where id = $1', [1], {
      rowMode: 'array',
      parsers: { 1184: (value) => value }, // timestamptz, as Drizzle's driver asks
    });
    assert.deepEqual(asText.rows, [[1, '2026-12-06 12:00:00+00']]);
  });

  test("an error keeps Postgres's fields: its code, its constraint", async () => {
    await pg.query('insert into t values (2, null)');
    await assert.rejects(pg.query('insert into t values (2, null)'), (error: Error & Record<string, unknown>) => {
      assert.equal(error.code, '23505');
      assert.equal(error.constraint, 't_pkey');
      return true;
    });
  });

  test('a transaction commits, or rolls back when its work throws; statements outside wait for it', async () => {
    let outside: Promise<{ rows: unknown[] }> | undefined;
    await pg.transaction(async (tx) => {
      await tx.query('insert into t values (3, null)');
      outside = pg.query('select count(*)::int as n from t where id in (3, 4)'); // runs once the transaction ends
      await tx.query('insert into t values (4, null)');
    });
    assert.deepEqual((await outside!).rows, [{ n: 2 }]);
    await assert.rejects(
      pg.transaction(async (tx) => {
        await tx.query('insert into t values (5, null)');
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    const { rows } = await pg.query('select id from t where id >= 3 order by id', [], { rowMode: 'array' });
    assert.deepEqual(rows, [[3], [4]]);
  });
});

test('a thread that stops fails the calls still waiting, and every later one', async () => {
  const pg = await PgliteThread.start('memory://', image);
  const waiting = pg.query('select pg_sleep(2)');
  await (pg as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await assert.rejects(waiting, /The database thread stopped/);
  await assert.rejects(pg.query('select 1'), /The database thread stopped/, 'and every call after it, at once');
});
