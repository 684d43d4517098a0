// Runs only the local Stripe.js spec, with no web server: the spec starts the local Stripe and its
// own test page in-process. `npx playwright test --config e2e/local-stripe-js/playwright.config.ts`
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../config';

export default defineConfig({
  testDir: '..',
  testMatch: 'local-stripe-js.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
});
