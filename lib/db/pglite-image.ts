// A migrated PGlite data directory, saved once as an image that each test database starts from. PGlite's initdb
// costs ~6 s of CPU a database (loading an image ~1.5 s); the unit tests open a dozen and the browser suite starts
// nine servers. The unit-test runner (scripts/test-unit.ts) and the browser suite's server starter (e2e/servers.ts)
// make it before any test process starts; PGLITE_TEST_IMAGE names it to lib/db/testing.ts and to the server's
// environment (lib/env-schema.ts). The image is kept in the system's temp folder under a name hashed
// from the migrations and PGlite's version, so a changed migration makes a new one. Not server code: the runners
// import it as plain Node.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './migrations-folder';

/** The environment variable naming the image. */
export const PGLITE_TEST_IMAGE = 'PGLITE_TEST_IMAGE';
/** The image a test process was given (the unit runner sets it), if any. */
export const givenTestImage = (): string | undefined => process.env[PGLITE_TEST_IMAGE] || undefined;

const PGLITE_VERSION = (
  JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Where the image of these migrations on this PGlite version is kept (made or not: migratedPgliteImage). */
export function pgliteImagePath(): string {
  const hash = createHash('sha256').update(PGLITE_VERSION);
  for (const name of (readdirSync(MIGRATIONS_FOLDER, { recursive: true }) as string[]).sort()) {
    const file = join(MIGRATIONS_FOLDER, name);
    if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
  }
  return join(tmpdir(), `storefront-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The path of the migrated image, made now unless an image of these migrations is already there. */
export async function migratedPgliteImage(): Promise<string> {
  const path = pgliteImagePath();
  if (existsSync(path)) return path;
  const pg = await PGlite.create('memory://');
  try {
    await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_FOLDER });
    const image = await pg.dumpDataDir('none');
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    renameSync(partial, path); // whole or absent: a runner beside this one never reads half an image
  } finally {
    await pg.close();
  }
  return path;
}
