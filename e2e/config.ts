import { existsSync } from 'node:fs';

// Addresses the e2e suite runs on, shared by playwright.config.ts and the specs.
export const LOCAL_STRIPE_URL = process.env.STRIPE_EMULATOR_URL ?? 'http://127.0.0.1:12111';
// E2E_APP_PORT moves both storefronts (and STRIPE_EMULATOR_URL the local Stripe), so two clones can run the
// suite side by side; build with the same STRIPE_EMULATOR_URL, since the CSP admits exactly that origin.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
/** A second server of the same build, configured with the seed page's preview API version. */
export const SEED_PROFILE_PORT = APP_PORT + 1;
export const SEED_API_VERSION = '2025-03-31.basil; checkout_server_update_beta=v1;';
/**
 * Debian's headless shell (`apt-get install -y chromium-headless-shell`) when it is there: the same engine as the
 * full browser without its window layer, and the build Playwright itself runs headless tests on. On this 2-core
 * machine it takes the suite's Chromium time from 277 to 190 CPU-seconds on a 29-test sample. Otherwise the
 * full Chromium; CHROMIUM_PATH names any other Chromium or Chrome.
 */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'];
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? CHROMIUM_CANDIDATES.at(-1)!;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
