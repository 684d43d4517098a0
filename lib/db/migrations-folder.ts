// Where the committed SQL migrations live: drizzle-kit writes them there (drizzle.config.ts), and the app
// (lib/db/client.ts) and the tests' migrated PGlite image (lib/db/pglite-image.ts) apply them from there.
// Plain Node, free of `server-only`, so the config and the test runners can import it too.
import { join } from 'node:path';

/** The folder, relative to the project root. */
export const MIGRATIONS_DIR = 'lib/db/migrations';
/** The folder, from the directory the process runs in (the project root, for every command we have). */
export const MIGRATIONS_FOLDER = join(process.cwd(), MIGRATIONS_DIR);
