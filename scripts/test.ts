// `npm test`: every test, one step after another, stopping at the first that fails: the static checks, the
// production build, the unit tests, the database tests again on Postgres (when TEST_DATABASE_URL is set), the
// browser suite. Each step prints as it goes and ends with a line saying how it went and how long it took.
// (Running the browser suite beside the unit tests saved nothing on a 2-core machine: both want the CPU.)
import { inOrder } from './steps';

const passed = await inOrder([
  { name: 'checks', command: ['tsx', 'scripts/checks.ts'] },
  // The checks ran tsc over every file: the build need not check the types again (next.config.ts).
  { name: 'build', command: ['next', 'build'], env: { TYPES_CHECKED_BY: 'tsc' } },
  { name: 'unit', command: ['tsx', 'scripts/test-unit.ts'] },
  { name: 'test:db', command: ['tsx', 'scripts/test-db.ts', '--if-configured'] },
  { name: 'chromium', command: ['tsx', 'scripts/check-chromium.ts'] },
  { name: 'e2e', command: ['playwright', 'test'] },
]);
process.exit(passed ? 0 : 1);
