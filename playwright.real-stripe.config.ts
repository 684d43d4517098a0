// `npm run test:e2e:stripe`: the e2e specs that need no local-only control, against Stripe test mode.
// e2e/real-stripe.ts lists which specs run and why the others skip; with no keys set every test skips, saying so.
// One server: the storefront built and started with your test keys, an embedded PGlite in memory, no local
// Stripe and no webhook (orders are recorded by the return page). Stripe asks that test mode not be load-tested:
// one worker, in order, functional specs only.
import { defineConfig } from '@playwright/test';
import { APP_PORT, CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/config';
import { realStripeKeys } from './e2e/real-stripe';

// In the environment, so the test workers (which load this file again) see it too.
process.env.E2E_REAL_STRIPE = '1';
const keys = realStripeKeys(process.env); // throws on a live key, or on one key of the pair
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/real-stripe' }]],
  outputDir: 'test-results/real-stripe',
  use: {
    baseURL: APP_ORIGIN,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'real-stripe' }],
  webServer: keys && {
    // The catalog first (idempotent: creates only what is missing), then a build with these keys: the CSP and
    // the publishable key are fixed at build time. It replaces .next: run `next build` again before `npm run test:e2e`.
    command: `tsx --conditions=react-server scripts/seed-stripe.ts && next build && mkdir -p test-results && next start -H 127.0.0.1 -p ${APP_PORT} >> test-results/next-real-stripe.log 2>&1`,
    url: APP_ORIGIN,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      STRIPE_SECRET_KEY: keys.secretKey,
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: keys.publishableKey,
      // Production with real keys requires the address buyers return to.
      APP_URL: APP_ORIGIN,
      STRIPE_EMULATOR_URL: '',
      STRIPE_WEBHOOK_SECRET: '',
      STRIPE_API_VERSION: '',
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
      // Every spec comes from 127.0.0.1: the per-client limit would refuse the suite's own checkouts.
      CHECKOUT_SESSIONS_PER_MINUTE: '0',
    },
  },
});
