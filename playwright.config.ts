import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_WORKERS, SEED_API_VERSION, stackFor, type Stack } from './e2e/config';

const CI = Boolean(process.env.CI);
// The production build, started twice for each worker: once as shipped, once with the seed page's preview API version.
// `next start` prints its URL before it checks for a build, so refuse to start without one.
// Its log (JSON lines, thousands from the hostile-request specs) goes to a file beside the test results.
const nextStart = (port: number, distDir: string) =>
  `test -f ${distDir}/BUILD_ID && mkdir -p test-results && next start -H 127.0.0.1 -p ${port} >> test-results/next-${port}.log 2>&1`;
// The local Stripe signs webhooks with this secret and the storefront verifies them with it. Kept in the
// environment so the test workers, which load this file again, see the same one.
process.env.E2E_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`;
const WEBHOOK_SECRET = process.env.E2E_WEBHOOK_SECRET;
// The scheduled jobs' route (/api/cron/<job>) answers this bearer token; the orders spec calls it.
process.env.E2E_CRON_SECRET ??= randomBytes(24).toString('hex');
process.env.E2E_ADMIN_PASSWORD ??= `owner-${randomBytes(12).toString('hex')}`;
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;
// No APP_URL: on the local Stripe the storefront follows the address it is opened at, as `npm run dev` does.
const appEnv = (stack: Stack, extra: Record<string, string> = {}) => ({
  STRIPE_EMULATOR_URL: stack.localStripeUrl,
  NEXT_DIST_DIR: stack.distDir,
  STRIPE_SECRET_KEY: '',
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  // Each server gets a fresh in-memory PGlite (migrated and stocked from the catalog at start): no setup, no
  // leftovers between runs, and no data dir shared by two processes. DATABASE_URL is cleared for the same reason.
  DATABASE_URL: '',
  PGLITE_DATA_DIR: 'memory://',
  // The suite makes hundreds of checkouts from one address; e2e/checkout-limits.spec.ts starts a server of its own with the limit on.
  CHECKOUT_SESSIONS_PER_MINUTE: '0',
  CRON_SECRET: process.env.E2E_CRON_SECRET!,
  ...extra,
});

export default defineConfig({
  testDir: 'e2e',
  // One stack per worker (below); a spec file's tests run in order on one worker.
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
  projects: [
    { name: 'storefront', testIgnore: /seed-profile/ },
    { name: 'seed-profile', testMatch: /seed-profile/ },
  ],
  // Each worker's stack (e2e/config.ts): its local Stripe, the storefront, the seed-profile storefront.
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => stackFor(slot)).flatMap((stack) => [
    {
      command: 'tsx --conditions=react-server scripts/local-stripe.ts',
      url: `${stack.localStripeUrl}/_emulator/requests`,
      env: {
        STRIPE_EMULATOR_PORT: new URL(stack.localStripeUrl).port,
        STRIPE_EMULATOR_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // Webhooks go to the first storefront only: two receivers would fulfil each order twice.
        LOCAL_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${stack.appPort}/api/webhooks/stripe`,
      },
      reuseExistingServer: false,
      // A loaded 2-core machine can take a while to start a server and render its first page.
      timeout: 180_000,
      stdout: 'pipe' as const,
    },
    {
      command: nextStart(stack.appPort, stack.distDir),
      url: `http://127.0.0.1:${stack.appPort}`,
      // The back office is on here (e2e/back-office.spec.ts signs in with it) and off on the second server.
      env: appEnv(stack, { ADMIN_PASSWORD: ADMIN_PASSWORD }),
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: nextStart(stack.seedProfilePort, stack.distDir),
      url: `http://127.0.0.1:${stack.seedProfilePort}`,
      env: appEnv(stack, { STRIPE_API_VERSION: SEED_API_VERSION, ADMIN_PASSWORD: '' }),
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ]),
});
