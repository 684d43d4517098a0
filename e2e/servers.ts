// The e2e suite's servers: every worker's stack (e2e/config.ts), each a local Stripe, the storefront and its
// seed-profile twin, started all at once. Playwright starts the entries of `webServer` one after another, each
// waiting for the one before to answer: two workers' eight servers took 22.7 s so, and 17 s at once, on 2 cores.
// playwright.config.ts runs this instead. It refuses a port that is already taken (a server left from an earlier
// run would be tested in place of this build), starts everything, waits until every server answers, then says so
// (SERVERS_READY) and keeps running. A server that exits first fails the start, with the end of its log.
// Playwright stops this process's group, children included.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { migratedPgliteImage } from '../lib/db/pglite-image';
import { E2E_WORKERS, NEXT_START, SEED_API_VERSION, SERVERS_READY, stackFor, type Stack } from './config';

const LOGS = 'test-results';
const START_TIMEOUT_MS = 180_000; // a loaded 2-core machine can take a while to start a server and render a page

type Env = Record<string, string | undefined>;
type Server = { name: string; port: number; url: string; log: string; command: string[]; env: Env };

// No APP_URL: on the local Stripe the storefront follows the address it is opened at, as `npm run dev` does.
// The secrets come from playwright.config.ts, through the environment.
const storefrontEnv = (stack: Stack, extra: Env) => ({
  STRIPE_EMULATOR_URL: stack.localStripeUrl,
  STRIPE_SECRET_KEY: '',
  STRIPE_WEBHOOK_SECRET: process.env.E2E_WEBHOOK_SECRET,
  // Each server gets a fresh in-memory PGlite (started from the migrated image, then stocked from the catalog): no
  // setup, no leftovers between runs, and no data dir shared by two processes. DATABASE_URL is cleared for the same
  // reason.
  DATABASE_URL: '',
  PGLITE_DATA_DIR: 'memory://',
  // The suite makes hundreds of checkouts from one address; e2e/checkout-limits.spec.ts starts a server of its own
  // with the limit on.
  CHECKOUT_SESSIONS_PER_MINUTE: '0',
  CRON_SECRET: process.env.E2E_CRON_SECRET,
  ...extra,
});

function serversOf(stack: Stack): Server[] {
  const stripePort = Number(new URL(stack.localStripeUrl).port);
  return [
    {
      name: 'local Stripe',
      port: stripePort,
      url: `${stack.localStripeUrl}/_emulator/requests`,
      log: `${LOGS}/local-stripe-${stripePort}.log`,
      command: ['--conditions=react-server', '--import', 'tsx', 'scripts/local-stripe.ts'],
      env: {
        STRIPE_EMULATOR_PORT: String(stripePort),
        STRIPE_EMULATOR_WEBHOOK_SECRET: process.env.E2E_WEBHOOK_SECRET,
        // Webhooks go to the first storefront only: two receivers would fulfil each order twice.
        LOCAL_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${stack.appPort}/api/webhooks/stripe`,
      },
    },
    {
      // The back office is on here (e2e/back-office.spec.ts signs in with it) and off on the second server.
      name: 'storefront',
      port: stack.appPort,
      url: `http://127.0.0.1:${stack.appPort}/`,
      log: `${LOGS}/next-${stack.appPort}.log`,
      command: [...NEXT_START, String(stack.appPort)],
      env: storefrontEnv(stack, { ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD }),
    },
    {
      // The same build, configured with the seed page's preview API version.
      name: 'seed-profile storefront',
      port: stack.seedProfilePort,
      url: `http://127.0.0.1:${stack.seedProfilePort}/`,
      log: `${LOGS}/next-${stack.seedProfilePort}.log`,
      command: [...NEXT_START, String(stack.seedProfilePort)],
      env: storefrontEnv(stack, { STRIPE_API_VERSION: SEED_API_VERSION, ADMIN_PASSWORD: '' }),
    },
  ];
}

/** Whether something already listens on the port. */
const taken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.once('connect', () => socket.destroy());
  });

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!existsSync('.next/BUILD_ID')) fail('No production build in .next: run `npm run build` first.');
const servers = Array.from({ length: E2E_WORKERS }, (_, slot) => serversOf(stackFor(slot))).flat();
for (const server of servers)
  if (await taken(server.port))
    fail(`Port ${server.port} (the ${server.name}) is taken: stop what is running there, or move the suite (README).`);

// The servers' in-memory databases start from the migrated image playwright.config.ts names (PGLITE_TEST_IMAGE),
// made here unless it is there already: the unit tests' runner makes the same one.
await migratedPgliteImage();
mkdirSync(LOGS, { recursive: true });
const children: ChildProcess[] = servers.map((server) => {
  const output = openSync(server.log, 'a');
  const child = spawn(process.execPath, server.command, {
    env: { ...process.env, ...server.env },
    stdio: ['ignore', output, output],
  });
  child.once('exit', (code, signal) => {
    const tail = readFileSync(server.log, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    fail(`The ${server.name} on port ${server.port} exited (${signal ?? code}). The end of ${server.log}:\n${tail}`);
  });
  return child;
});
process.once('SIGTERM', () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
});

async function untilAnswering(server: Server, deadline: number) {
  while (Date.now() < deadline) {
    const ok = await fetch(server.url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`The ${server.name} on port ${server.port} did not answer within ${START_TIMEOUT_MS / 1000} s (${server.log}).`);
}

const deadline = Date.now() + START_TIMEOUT_MS;
await Promise.all(servers.map((server) => untilAnswering(server, deadline)));
console.log(`${SERVERS_READY}: ${servers.map((server) => `${server.name} :${server.port}`).join(', ')}`);
