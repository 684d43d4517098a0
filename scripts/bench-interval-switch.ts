// Benchmark (not a test): POST /api/change-subscription-interval on `next start` against the local Stripe,
// beside the same two Stripe calls (retrieve with line items, update) made directly, so the handler's own
// overhead shows. Needs a build (`npm run build`). Prints p50/p99 in milliseconds.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createLocalStripe } from '../emulator';
import { LOCAL_PUBLISHABLE_KEY } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';
import { percentile, timed } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export async function benchIntervalSwitch() {
  const localStripe = createLocalStripe();
  const server = await localStripe.listen(0);
  const mode = { kind: 'local' as const, secretKey: 'sk_test_bench', publishableKey: LOCAL_PUBLISHABLE_KEY, emulatorUrl: server.url };
  const stripe = createStripeClient(mode);
  await syncCatalog(stripe);
  const port = await freePort();
  // Its own process group, so stopping it stops the next-server it starts too.
  const app = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    // A throw-away in-memory database, so a running `npm run dev` (which holds .data/pglite) is left alone.
    env: { ...process.env, STRIPE_SECRET_KEY: '', STRIPE_EMULATOR_URL: server.url, APP_URL: `http://127.0.0.1:${port}`, DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(base);
    const created = await fetch(`${base}/api/checkout/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ cart: { kind: 'plan', planId: 'coffee-club', interval: 'monthly' }, attemptId: randomUUID() }),
    });
    if (created.status !== 201) throw new Error(`creating a session answered ${created.status}: ${await created.text()}`);
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
    const { clientSecret } = (await created.json()) as { clientSecret: string };
    const sessionId = clientSecret.split('_secret_')[0]!;

    const handler: number[] = [];
    const direct: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const interval = round % 2 === 0 ? 'yearly' : 'monthly';
      handler.push(
        await timed(async () => {
          const response = await fetch(`${base}/api/change-subscription-interval`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', cookie },
            body: JSON.stringify({ checkout_session_id: sessionId, interval }),
          });
          if (!response.ok) throw new Error(`handler answered ${response.status}`);
        }),
      );
      direct.push(
        await timed(async () => {
          const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
          const line = session.line_items!.data[0]!;
          await stripe.checkout.sessions.update(sessionId, { line_items: [{ id: line.id, quantity: 1 }] });
        }),
      );
    }
    const row = (name: string, samples: number[]) =>
      `${name.padEnd(44)} p50 ${percentile(samples, 50).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms`;
    console.log(`POST /api/change-subscription-interval, ${ROUNDS} rounds, sequential`);
    console.log(row('handler (HTTP, next start)', handler));
    console.log(row('its two Stripe calls alone (SDK, direct)', direct));
    console.log(`handler overhead at p50: ${(percentile(handler, 50) - percentile(direct, 50)).toFixed(2)} ms`);
  } finally {
    process.kill(-app.pid!, 'SIGTERM');
    await server.close();
  }
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start (is there a build? run npm run build)`);
}
