// Benchmark of the local Stripe through the official SDK (not a timed test): create a 10-item
// Checkout Session, retrieve it with expanded line items, update its line items; N calls each,
// p50/p99 per call. Run: `npx tsx scripts/bench-emulator.ts [N]`.
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { createLocalStripe } from '../emulator/index';

type Stats = { call: string; n: number; p50: number; p99: number; mean: number };

function stats(call: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    call,
    n: samples.length,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    mean: round(samples.reduce((s, x) => s + x, 0) / samples.length),
  };
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  samples.push(performance.now() - started);
  return result;
}

export async function main(n = Number(process.argv[2] ?? 300)): Promise<Stats[]> {
  const local = createLocalStripe();
  const server = await local.listen(0);
  const stripe = new Stripe('sk_test_bench', {
    host: '127.0.0.1',
    port: Number(new URL(server.url).port),
    protocol: 'http',
    telemetry: false,
    maxNetworkRetries: 0,
  });
  try {
    const prices = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        stripe.prices.create({ currency: 'usd', unit_amount: 1000 + i, product_data: { name: `Item ${i}` } }),
      ),
    );
    const lineItems = prices.slice(0, 10).map((p) => ({ price: p.id, quantity: 1 }));
    const samples = { create: [] as number[], retrieve: [] as number[], update: [] as number[] };
    for (let i = 0; i < n; i++) {
      const session = await timed(samples.create, () =>
        stripe.checkout.sessions.create({
          mode: 'payment',
          ui_mode: 'elements',
          return_url: 'https://bench.example/return',
          line_items: lineItems,
        }),
      );
      const full = await timed(samples.retrieve, () =>
        stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] }),
      );
      const kept = (full.line_items?.data ?? []).slice(1).map((item) => ({ id: item.id, quantity: 2 }));
      await timed(samples.update, () =>
        stripe.checkout.sessions.update(session.id, { line_items: [...kept, { price: prices[10]!.id, quantity: 1 }] }),
      );
    }
    const result = [
      stats('checkout.sessions.create (10 items)', samples.create),
      stats('checkout.sessions.retrieve expand line_items', samples.retrieve),
      stats('checkout.sessions.update (10 items)', samples.update),
    ];
    console.log(`The local Stripe through the SDK, ${n} sessions, sequential (milliseconds)`);
    console.table(result);
    return result;
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
