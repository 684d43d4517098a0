// Benchmark (not a test): each mutation endpoint at concurrency 10 beside a bare handler making the same
// Stripe calls with no checks, and a no-op route (Next's own floor), in the bench build (bench-build.ts).
// Rounds alternate among the variants, in a rotating order, so machine noise hits all of them alike.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type Stripe from 'stripe';
import { PLANS } from '../lib/catalog';
import { BENCH_ROUTES } from './bench-build';
import { percentile } from './bench-stats';

const PLAN = PLANS[0]!; // the catalog's first plan

const CONCURRENCY = 10;
// Many short rounds rather than a few long ones: a burst of noise from other work then lands on every variant.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 150);
/** A round stops early past this, so a slow machine still finishes. */
const ROUND_LIMIT_MS = 15_000;

type Variant = {
  name: string;
  /** The request's path and body; `worker` runs its requests one after another. */
  request: (worker: number) => { path: string; body: unknown; cookie?: string };
  expect: number;
  latencies: number[];
  /** Throughput of each recorded round, to show how much the ratio moves between rounds. */
  roundRps: number[];
  requests: number;
  elapsedMs: number;
};

export async function benchEndpoints(base: string, stripe: Stripe) {
  const prices = await stripe.prices.list({
    lookup_keys: [PLAN.prices.monthly.lookupKey, PLAN.prices.yearly.lookupKey],
  });
  const priceOf = (interval: 'monthly' | 'yearly') =>
    prices.data.find((p) => p.lookup_key === PLAN.prices[interval].lookupKey)!.id;
  const headers = { 'Content-Type': 'application/json', Origin: base };
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: cookie ? { ...headers, cookie } : headers,
      body: JSON.stringify(body),
    });

  // One session per worker and variant: a worker's switches on its own session never overlap.
  const sessions = async () =>
    Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        const created = await post('/api/checkout/sessions', {
          cart: { kind: 'plan', planId: PLAN.id, interval: 'monthly' },
          attemptId: randomUUID(),
        });
        if (created.status !== 201)
          throw new Error(`creating a session answered ${created.status}: ${await created.text()}`);
        const { clientSecret } = (await created.json()) as { clientSecret: string };
        return {
          id: clientSecret.split('_secret_')[0]!,
          cookie: created.headers.get('set-cookie')!.split(';')[0]!,
          yearly: false,
        };
      }),
    );
  const [appSessions, bareSessions] = [await sessions(), await sessions()];
  const toggle = (session: { yearly: boolean }) => ((session.yearly = !session.yearly) ? 'yearly' : 'monthly');
  const cart = { kind: 'plan', planId: PLAN.id, interval: 'monthly' };

  const variant = (name: string, expect: number, request: Variant['request']): Variant => ({
    name,
    expect,
    request,
    latencies: [],
    roundRps: [],
    requests: 0,
    elapsedMs: 0,
  });
  const variants = [
    variant('POST /api/change-subscription-interval', 200, (w) => {
      const session = appSessions[w]!;
      return {
        path: '/api/change-subscription-interval',
        body: { checkout_session_id: session.id, interval: toggle(session) },
        cookie: session.cookie,
      };
    }),
    variant('  bare: retrieve + update, no checks', 200, (w) => {
      const session = bareSessions[w]!;
      return {
        path: BENCH_ROUTES.bareInterval,
        body: { checkout_session_id: session.id, price: priceOf(toggle(session)) },
      };
    }),
    variant('POST /api/checkout/sessions', 201, () => ({
      path: '/api/checkout/sessions',
      body: { cart, attemptId: randomUUID() },
    })),
    variant('  bare: create, no checks', 201, () => ({
      path: BENCH_ROUTES.bareSessions,
      body: { price: priceOf('monthly'), attemptId: randomUUID(), returnUrl: `${base}/checkout/return` },
    })),
    variant('no-op route (Next.js floor)', 200, () => ({ path: BENCH_ROUTES.noop, body: {} })),
  ];

  const round = async (v: Variant, record: boolean) => {
    let issued = 0;
    const started = performance.now();
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        while (issued < PER_ROUND && performance.now() - started < ROUND_LIMIT_MS) {
          issued++;
          const { path, body, cookie } = v.request(worker);
          const t0 = performance.now();
          const response = await post(path, body, cookie);
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (response.status !== v.expect) throw new Error(`${v.name.trim()} answered ${response.status}`);
        }
      }),
    );
    if (!record) return;
    const elapsed = performance.now() - started;
    v.roundRps.push((latencies.length / elapsed) * 1000);
    v.elapsedMs += elapsed;
    v.requests += latencies.length;
    v.latencies.push(...latencies);
  };

  for (const v of variants) await round(v, false); // warm-up: compiled routes, connections, caches
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < variants.length; i++) await round(variants[(i + r) % variants.length]!, true);
  }

  const spread = (endpoint: Variant, bare: Variant) => {
    const ratios = endpoint.roundRps.map((value, r) => value / bare.roundRps[r]!).sort((a, b) => a - b);
    return `${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}, median ${percentile(ratios, 50).toFixed(2)}`;
  };
  const rps = (v: Variant) => (v.requests / v.elapsedMs) * 1000;
  const p50 = (v: Variant) => percentile(v.latencies, 50);
  console.log(
    `Mutation endpoints at concurrency ${CONCURRENCY}, ${ROUNDS} interleaved rounds of ${PER_ROUND} requests each (bench build)`,
  );
  console.log(`${'variant'.padEnd(44)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
  for (const v of variants) {
    console.log(
      `${v.name.padEnd(44)}${rps(v).toFixed(0).padStart(9)}${p50(v).toFixed(2).padStart(9)}${percentile(v.latencies, 99).toFixed(2).padStart(9)}`,
    );
  }
  for (const [endpoint, bare] of [
    [variants[0]!, variants[1]!],
    [variants[2]!, variants[3]!],
  ] as const) {
    console.log(
      `${endpoint.name}: ${(rps(endpoint) / rps(bare)).toFixed(2)} of the bare handler's throughput, ` +
        `added p50 ${(p50(endpoint) - p50(bare)).toFixed(2)} ms (ratio per round ${spread(endpoint, bare)})`,
    );
  }
}
