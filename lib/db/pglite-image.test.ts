// The migrated image the test databases start from: made once per set of migrations, and a database started from
// it is the migrated database, with nothing else in it.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { migratedPgliteImage } from '@/lib/db/pglite-image';
import { PgliteThread } from '@/lib/db/pglite-thread';

const JOURNAL = join(process.cwd(), 'lib/db/migrations/meta/_journal.json');

describe('the migrated PGlite image', () => {
  test('is made once: asked again, it is the same file, not made again', async () => {
    const path = await migratedPgliteImage();
    const madeAt = statSync(path).mtimeMs;
    assert.equal(await migratedPgliteImage(), path);
    assert.equal(statSync(path).mtimeMs, madeAt);
  });

  test('a database started from it has every migration applied and no rows', async () => {
    const pg = await PgliteThread.start('memory://', await migratedPgliteImage());
    try {
      const { entries } = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: unknown[] };
      const applied = await pg.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      assert.deepEqual(applied.rows, [{ n: entries.length }]);
      const stocked = await pg.query('select count(*)::int as n from inventory');
      assert.deepEqual(stocked.rows, [{ n: 0 }]);
    } finally {
      await pg.close();
    }
  });
});
