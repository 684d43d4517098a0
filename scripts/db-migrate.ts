// `npm run db:migrate`: applies the committed migrations (lib/db/migrations) to the database the environment
// names: DATABASE_URL's Postgres, or else the embedded PGlite in .data/pglite (PGLITE_DATA_DIR). Run it before
// deploying against a real Postgres; the embedded database also migrates itself at start.
import './load-env';
import { openDatabase } from '../lib/db/client';
import { seedInventory } from '../lib/db/inventory';
import { PgliteLockedError } from '../lib/db/pglite-lock';
import { parseEnv } from '../lib/env-schema';

const { database } = parseEnv(process.env);
const handle = await openDatabase(database).catch((error: unknown) => {
  // A folder a running server holds: say who and what to do, in one message, with no stack.
  if (!(error instanceof PgliteLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
});
try {
  await handle.migrate();
  await seedInventory(handle.db);
  console.log(
    `Migrated ${database.kind === 'postgres' ? 'the Postgres at DATABASE_URL' : `PGlite in ${database.dataDir}`}; inventory seeded for new products.`,
  );
} finally {
  await handle.close();
}
