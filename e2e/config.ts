import { existsSync } from 'node:fs';

// Addresses the e2e suite runs on, shared by playwright.config.ts and the specs.
//
// Each Playwright worker has a stack of its own (a local Stripe, the storefront, its seed-profile twin, each with
// its own in-memory database), so specs that arm faults, move the clock or count stock never see another worker's
// buyers. Worker slot s (TEST_PARALLEL_INDEX, set in each worker) takes the local Stripe's port + s and the
// storefronts' ports + 2s; all run the one build in .next, whose CSP admits the local Stripe's host on any port
// (lib/security-headers.ts). E2E_APP_PORT moves the storefronts (and STRIPE_EMULATOR_URL the local Stripe), so two
// clones can run the suite side by side.
// Three: while one worker's test waits on the local Stripe (the fault drills hold answers for seconds), the others
// use the CPU. On a 2-core machine the suite took 264 s with two workers and 233 s with three (93 % busy).
export const E2E_WORKERS = Number(process.env.E2E_WORKERS ?? 3);
const BASE_STRIPE_URL = new URL(process.env.STRIPE_EMULATOR_URL ?? 'http://127.0.0.1:12111');
const BASE_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);

export type Stack = { localStripeUrl: string; appPort: number; seedProfilePort: number };
export function stackFor(slot: number): Stack {
  const stripeUrl = new URL(BASE_STRIPE_URL);
  stripeUrl.port = String(Number(BASE_STRIPE_URL.port) + slot);
  return {
    localStripeUrl: stripeUrl.origin,
    appPort: BASE_APP_PORT + 2 * slot,
    /** A second server of the same build, configured with the seed page's preview API version. */
    seedProfilePort: BASE_APP_PORT + 2 * slot + 1,
  };
}

/** What e2e/servers.ts prints once every stack's servers answer. */
export const SERVERS_READY = 'e2e servers ready';

/** This worker's stack (slot 0 outside a worker: the config, the real-Stripe run). */
const here = stackFor(Number(process.env.TEST_PARALLEL_INDEX ?? 0));
export const LOCAL_STRIPE_URL = here.localStripeUrl;
export const APP_PORT = here.appPort;
export const SEED_PROFILE_PORT = here.seedProfilePort;
export const SEED_API_VERSION = '2025-03-31.basil; checkout_server_update_beta=v1;';
/**
 * How the suite starts `next start` (the production build): PGlite's wasm on V8's baseline compiler. A server here
 * lives three minutes, and optimising Postgres's hot functions cost more than it gave back: the storefronts took
 * 78-84 CPU-s against 107, and the suite 183-196 s against 218 (one run each way, then one more). A deployment
 * runs for days, so `npm start` keeps V8's default; pages and answers are the same either way.
 */
export const NEXT_START = ['--liftoff-only', 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p'];

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
  // The GPU and network services as threads of the browser process, not processes of their own: less IPC and two
  // fewer processes per browser. On 22 tests (checkout, accessibility, cart, trust) Chromium took 48-62 CPU-s
  // against 59-67 without.
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
];
