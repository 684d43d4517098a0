import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { pgliteImagePath } from './lib/db/pglite-image';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_WORKERS, SERVERS_READY } from './e2e/config';

const CI = Boolean(process.env.CI);
// Set in the environment, where the servers (e2e/servers.ts) and the test workers, which load this file again, find
// them: the secret the local Stripe signs webhooks with and the storefront verifies them with; the bearer token of
// the scheduled jobs' route (/api/cron/<job>), which the orders spec calls; the back office's password.
process.env.E2E_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`;
process.env.E2E_CRON_SECRET ??= randomBytes(24).toString('hex');
process.env.E2E_ADMIN_PASSWORD ??= `owner-${randomBytes(12).toString('hex')}`;
// Every server's in-memory database starts from the migrated image e2e/servers.ts makes if it is not there (~1.5 s,
// not the ~6 s of PGlite's initdb), the servers some specs start of their own included.
process.env.PGLITE_TEST_IMAGE ||= pgliteImagePath();

export default defineConfig({
  testDir: 'e2e',
  // One stack per worker (below); a spec file's tests run in order on one worker, unless the file says otherwise.
  workers: E2E_WORKERS,
  fullyParallel: false,
  forbidOnly: CI,
  // A failed test runs once more, recording its trace (below), and the run fails all the same: a test that passes
  // only on its second try is flaky, and a flaky test fails the suite.
  retries: 1,
  failOnFlakyTests: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    // baseURL is the worker's own storefront: e2e/support.ts sets it.
    // The retry of a failed test records a trace (DOM snapshots, network, console, screencast). Recording one for
    // every test, to keep the few that fail, took about 8 % of the suite's CPU on a 2-core machine.
    trace: 'on-first-retry',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  // Workers take files in the order of these projects. The fault drills first: they mostly wait (one worker waits
  // while the others use the CPU, e2e/fault-drills.spec.ts). Then the seed profile's few files: queued last, its
  // longest file ran alone at the end of the run.
  projects: [
    { name: 'fault-drills', testMatch: /fault-drills/ },
    { name: 'seed-profile', testMatch: /seed-profile/ },
    { name: 'storefront', testIgnore: /seed-profile|fault-drills/ },
  ],
  // Every worker's stack (e2e/config.ts), started at once by e2e/servers.ts, which says so when all answer.
  // Their logs are in test-results/.
  webServer: {
    command: 'tsx e2e/servers.ts',
    wait: { stdout: new RegExp(SERVERS_READY) },
    reuseExistingServer: false,
    timeout: 200_000,
  },
});
