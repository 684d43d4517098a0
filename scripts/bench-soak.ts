// Soak benchmark of the local Stripe's memory: a constant number of live Checkout Sessions updated
// many times through the SDK (which sends an Idempotency-Key with every POST), with the emulator's
// clock moving 6 hours every 1,000 updates, as a long `npm run dev` or e2e run would. The request
// log is a ring and idempotency keys are forgotten after 24 hours, so once the clock has moved a day (the warm-up: 5,000 updates)
// the kept keys stop growing and RSS stays flat.
// Sessions that expire on the way are replaced, so the store grows only by those expired sessions.
// Run: `npx tsx scripts/bench-soak.ts [updates]`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { createLocalStripe } from '../emulator/index';

const LIVE_SESSIONS = 20;
const UPDATES_PER_CLOCK_STEP = 1000;
const CLOCK_STEP_SECONDS = 6 * 3600;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function memory(): { rssMiB: number; heapMiB: number } {
  collect();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: Math.round(rss / 2 ** 20), heapMiB: Math.round(heapUsed / 2 ** 20) };
}

export async function benchSoak(updates = Number(process.argv[2] ?? 20000)): Promise<void> {
  const local = createLocalStripe();
  const server = await local.listen(0);
  const stripe = new Stripe('sk_test_soak', {
    host: '127.0.0.1',
    port: Number(new URL(server.url).port),
    protocol: 'http',
    telemetry: false,
    maxNetworkRetries: 1,
  });
  try {
    const [a, b] = await Promise.all(
      ['Monthly', 'Yearly'].map((name, i) =>
        stripe.prices.create({ currency: 'usd', unit_amount: 900 + i * 100, product_data: { name } }),
      ),
    );
    const newSession = () =>
      stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'elements',
        return_url: 'https://soak.example/return',
        line_items: [{ price: a!.id, quantity: 1 }],
      });
    const live = await Promise.all(Array.from({ length: LIVE_SESSIONS }, newSession));
    const warmUp = Math.min(updates, 5 * UPDATES_PER_CLOCK_STEP);
    let before = memory();
    let replaced = 0;
    const started = performance.now();
    for (let i = 0; i < updates; i++) {
      if (i === warmUp) before = memory();
      if (i > 0 && i % UPDATES_PER_CLOCK_STEP === 0) {
        await fetch(`${server.url}/_emulator/clock/advance`, {
          method: 'POST',
          body: JSON.stringify({ seconds: CLOCK_STEP_SECONDS }),
        });
      }
      const slot = i % LIVE_SESSIONS;
      const session = live[slot]!;
      const price = Math.floor(i / LIVE_SESSIONS) % 2 === 0 ? b! : a!;
      try {
        await stripe.checkout.sessions.update(session.id, { line_items: [{ price: price.id, quantity: 1 }] });
      } catch {
        // Expired by the moving clock: a new live session takes its place.
        live[slot] = await newSession();
        replaced += 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const after = memory();
    console.log(
      `The local Stripe's memory: ${LIVE_SESSIONS} live sessions, ${updates} updates in ${seconds.toFixed(1)} s, clock +${CLOCK_STEP_SECONDS / 3600} h every ${UPDATES_PER_CLOCK_STEP} updates (${replaced} expired sessions replaced)`,
    );
    console.table([
      { when: `after ${warmUp} updates (warm-up)`, ...before },
      { when: `after ${updates} updates`, ...after },
    ]);
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSoak().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
