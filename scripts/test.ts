// `npm test`: every test, one step after another, stopping at the first that fails: the static checks, the
// production build, the unit tests (the database tests on PGlite, and on Postgres too when TEST_DATABASE_URL is
// set), the browser suite. Each step prints as it goes and ends with a line saying how it went and how long it took.
// (Running the browser suite beside the unit tests saved nothing on a 2-core machine: both want the CPU.)
import { inOrder } from './steps';

// Each database test file tests both engines in its one process (`npm run test:db` is Postgres alone): on 2 cores,
// 108 s against 130 s for the unit run and then a Postgres run, whose files each started a process of their own again.
const engines = process.env.TEST_DATABASE_URL ? 'pglite,postgres' : 'pglite';

const passed = await inOrder([
  { name: 'checks', command: ['tsx', 'scripts/checks.ts'] },
  // The checks ran tsc over every file: the build need not check the types again (next.config.ts).
  { name: 'build', command: ['next', 'build'], env: { TYPES_CHECKED_BY: 'tsc' } },
  { name: 'unit', command: ['tsx', 'scripts/test-unit.ts'], env: { DB_TEST_ENGINES: engines } },
  { name: 'chromium', command: ['tsx', 'scripts/check-chromium.ts'] },
  { name: 'e2e', command: ['playwright', 'test'] },
]);
process.exit(passed ? 0 : 1);
