import { defineConfig } from 'drizzle-kit';
import { MIGRATIONS_DIR } from './lib/db/migrations-folder';

// `npm run db:generate` writes SQL migrations from lib/db/schema.ts into lib/db/migrations (committed).
// They are applied by `npm run db:migrate` (lib/db/migrate.ts), the same code on PGlite and on Postgres.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: `./${MIGRATIONS_DIR}`,
});
