// `npm run test:db`: the database tests alone, on a real Postgres only (TEST_DATABASE_URL, a server on which the
// tests may create and drop databases). `npm test` runs them in its unit step instead, on both engines.
import { spawnSync } from 'node:child_process';

const DB_TESTS = ['lib/db/', 'lib/actions/checkout-', 'lib/actions/back-office', 'lib/jobs/'];

if (!process.env.TEST_DATABASE_URL) {
  console.error('test:db needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-unit.ts', ...DB_TESTS], {
  stdio: 'inherit',
  env: { ...process.env, DB_TEST_ENGINES: 'postgres' },
});
process.exit(result.status ?? 1);
