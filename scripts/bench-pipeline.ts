// Benchmark (not a test): one cart action's database side, in this process: the real `changeLineItemQuantity`
// against an in-process local Stripe (lib/actions/testing.ts) and a fresh database per engine, its driver wrapped
// to count and time every statement (target: ≤ 4 round trips). On Postgres also QUEUED actions at once on the
// app's pool of 10 with Stripe at 150 ms: how long the last of them wait, and how many are refused.
// `npm run bench` runs it in a child process (lib/actions/testing.ts sets the environment the app reads once);
// alone: `npx tsx --conditions=react-server scripts/bench-pipeline.ts`.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ORIGIN, startStorefront, tokenFor } from '../lib/actions/testing';
import { countStatements } from './bench-statements';
import { benchEngines, percentile, setStripeLatency, tableRow } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const QUEUED = Number(process.env.BENCH_QUEUED_ACTIONS ?? 900);
const LATENCY_MS = Number(process.env.BENCH_STRIPE_LATENCY_MS ?? 150);
const PRODUCT = 'house-blend';

const s = await startStorefront();
const { openCheckout } = await import('@/lib/actions/open-checkout');
const { changeCartLine } = await import('@/lib/actions/cart');
const { changeLineItemQuantity } = await import('@/lib/actions/change-line-item-quantity');
const { useDatabase: serveFrom } = await import('@/lib/db/client'); // not a React hook
const { seedInventory } = await import('@/lib/db/inventory');
const { freshDatabase } = await import('@/lib/db/testing');
const { ALL_PRODUCTS } = await import('@/lib/catalog');

type Buyer = { token: string; sessionId: string; lineItemId: string };

/** A browser with one unit in its stored cart, and its checkout made from that cart. */
async function buyer(name: string): Promise<Buyer> {
  const token = tokenFor(name);
  await changeCartLine(token, { productId: PRODUCT, quantity: 1 });
  const opened = await openCheckout({
    cart: { kind: 'stored' },
    attemptId: randomUUID(),
    browserToken: token,
    origin: ORIGIN,
    clientAddress: 'bench',
  });
  const lineItemId = (await s.h.stripe.checkout.sessions.listLineItems(opened.id)).data[0]!.id;
  return { token, sessionId: opened.id, lineItemId };
}

const change = (b: Buyer, quantity: number) =>
  changeLineItemQuantity({ sessionId: b.sessionId, browserToken: b.token, lineItemId: b.lineItemId, quantity });

/** Sequential quantity changes, Stripe without latency: statements and database time per action. */
async function statementsPerAction(engine: 'pglite' | 'postgres') {
  const t = await freshDatabase(engine, { poolSize: 10 });
  try {
    serveFrom(t);
    await seedInventory(
      t.db,
      ALL_PRODUCTS.map((product) => ({ id: product.id, stock: 100_000 })),
    );
    const b = await buyer(`count-${engine}`);
    const counter = countStatements(t.db);
    const statements: number[] = [];
    const dbMs: number[] = [];
    const wallMs: number[] = [];
    const byPosition: number[][] = [];
    let example: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      counter.reset();
      const t0 = performance.now();
      await change(b, round % 2 === 0 ? 2 : 1);
      wallMs.push(performance.now() - t0);
      statements.push(counter.statements.length);
      dbMs.push(counter.statements.reduce((sum, statement) => sum + statement.ms, 0));
      counter.statements.forEach((statement, i) => (byPosition[i] ??= []).push(statement.ms));
      if (round === 1) example = counter.statements.map((statement) => statement.text);
    }
    return {
      engine,
      statements,
      dbMs,
      wallMs,
      example,
      positionP50: byPosition.map((samples) => percentile(samples, 50)),
    };
  } finally {
    await t.dispose();
  }
}

/**
 * QUEUED actions started at once on a pool of 10 (Postgres), Stripe at LATENCY_MS. Today the pool has no connection
 * timeout, so every action waits its turn however long the queue. The hook: an action refused with 503 (what a
 * pool timeout is to answer, branch `process`) is counted on its own, not as a failure, and left out of "served".
 */
async function queuedActions() {
  const t = await freshDatabase('postgres', { poolSize: 10 });
  try {
    serveFrom(t);
    await seedInventory(
      t.db,
      ALL_PRODUCTS.map((product) => ({ id: product.id, stock: 100_000 })),
    );
    const buyers: Buyer[] = [];
    for (let i = 0; i < QUEUED; i += 20)
      buyers.push(
        ...(await Promise.all(Array.from({ length: Math.min(20, QUEUED - i) }, (_, j) => buyer(`queued-${i + j}`)))),
      );
    const pool = (t.db as unknown as { $client: { waitingCount: number } }).$client;
    await setStripeLatency(s.h.url, LATENCY_MS);
    let deepest = 0;
    const sampler = setInterval(() => (deepest = Math.max(deepest, pool.waitingCount)), 5);
    const served: number[] = [];
    const all: number[] = [];
    const outcomes = new Map<string, number>();
    try {
      await Promise.all(
        buyers.map(async (b) => {
          const t0 = performance.now();
          const status = await change(b, 2).then(
            () => 200,
            (error: unknown) => (error as { status?: number }).status ?? 500,
          );
          all.push(performance.now() - t0);
          if (status === 200) served.push(performance.now() - t0);
          else outcomes.set(String(status), (outcomes.get(String(status)) ?? 0) + 1);
        }),
      );
    } finally {
      clearInterval(sampler);
      await setStripeLatency(s.h.url, 0);
    }
    return { served, all, outcomes, deepest };
  } finally {
    await t.dispose();
  }
}

try {
  const engines = benchEngines();
  console.log(
    `One quantity change at checkout, in process, ${ROUNDS} rounds, sequential, Stripe without latency (target ≤ 4 statements)`,
  );
  console.log(tableRow(['engine', 'statements', 'db p50 ms', 'db p95 ms', 'action p50', 'target'], 12, 12));
  const results = [];
  for (const engine of engines) results.push(await statementsPerAction(engine));
  for (const r of results) {
    const [least, most] = [Math.min(...r.statements), Math.max(...r.statements)];
    const row = [
      r.engine,
      least === most ? least : `${least}–${most}`,
      percentile(r.dbMs, 50).toFixed(2),
      percentile(r.dbMs, 95).toFixed(2),
      percentile(r.wallMs, 50).toFixed(2),
      most <= 4 ? 'met' : 'MISSED',
    ];
    console.log(tableRow(row, 12, 12));
  }
  console.log(`  the statements of one action (p50 ms: ${engines.join(' / ')}):`);
  for (const [i, text] of results[0]!.example.entries()) {
    console.log(`    ${i + 1}. ${results.map((r) => (r.positionP50[i] ?? NaN).toFixed(2)).join(' / ')}  ${text}`);
  }

  if (engines.includes('postgres')) {
    const q = await queuedActions();
    const refused = q.outcomes.get('503') ?? 0;
    const failed =
      [...q.outcomes]
        .filter(([status]) => status !== '503')
        .map(([status, n]) => `${n}×${status}`)
        .join(' ') || '0';
    console.log('');
    console.log(
      `${QUEUED} quantity changes at once on Postgres, pool of 10, Stripe at ${LATENCY_MS} ms (the pool refuses a wait past its 5 s connection timeout with 503)`,
    );
    console.log(tableRow(['served', 'refused 503', 'failed', 'p50 ms', 'queued p95', 'max ms', 'pool queue'], 12, 12));
    console.log(
      tableRow(
        [
          q.served.length,
          refused,
          failed,
          percentile(q.all, 50).toFixed(0),
          percentile(q.all, 95).toFixed(0),
          Math.max(...q.all).toFixed(0),
          q.deepest,
        ],
        12,
        12,
      ),
    );
  }
} finally {
  await s.h.close();
}
