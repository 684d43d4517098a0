// Benchmark (not a test): each buyer action's endpoint, one request at a time, beside the same two Stripe
// calls (retrieve with line items, update) made directly with the SDK, so each handler's own cost shows
// (checks, the rules, and for cart actions the database transaction with its lock and holds). Runs on the
// server `npm run bench` started (bench-build.ts). Prints p50/p99 in milliseconds.
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { percentile, timed } from './bench-stats';
import { PLANS } from '../lib/catalog';

const ROUNDS = Number(process.env.BENCH_ROUNDS_SEQUENTIAL ?? 200);

type Action = {
  path: string;
  cart: unknown;
  /** The body of round `round` (alternating, so every round changes the session). */
  body: (round: number, lineId: string) => Record<string, unknown>;
};

const ACTIONS: Action[] = [
  {
    path: '/api/change-subscription-interval',
    cart: { kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' },
    body: (round) => ({ interval: round % 2 === 0 ? 'yearly' : 'monthly' }),
  },
  {
    path: '/api/checkout/line-item-quantity',
    cart: { kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] },
    body: (round, lineId) => ({ line_item_id: lineId, quantity: round % 2 === 0 ? 2 : 1 }),
  },
  {
    path: '/api/checkout/cross-sell',
    cart: { kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] },
    body: (round) => ({ product_id: 'ceramic-mug', action: round % 2 === 0 ? 'add' : 'remove' }),
  },
];

export async function benchActions(base: string, stripe: Stripe) {
  // The storefront refuses JSON mutations without this content type and its own Origin.
  const headers = { 'Content-Type': 'application/json', Origin: base };
  const row = (name: string, samples: number[]) =>
    `${name.padEnd(44)} p50 ${percentile(samples, 50).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms`;
  console.log(`Buyer actions, ${ROUNDS} rounds each, sequential`);
  for (const action of ACTIONS) {
    const created = await fetch(`${base}/api/checkout/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ cart: action.cart, attemptId: randomUUID() }),
    });
    if (created.status !== 201)
      throw new Error(`creating a session answered ${created.status}: ${await created.text()}`);
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
    const sessionId = ((await created.json()) as { clientSecret: string }).clientSecret.split('_secret_')[0]!;
    const lineId = (await stripe.checkout.sessions.listLineItems(sessionId)).data[0]!.id;

    const handler: number[] = [];
    const direct: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      handler.push(
        await timed(async () => {
          const body = JSON.stringify({ checkout_session_id: sessionId, ...action.body(round, lineId) });
          const response = await fetch(`${base}${action.path}`, {
            method: 'POST',
            headers: { ...headers, cookie },
            body,
          });
          if (!response.ok) throw new Error(`${action.path} answered ${response.status}: ${await response.text()}`);
        }),
      );
      direct.push(
        await timed(async () => {
          const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
          await stripe.checkout.sessions.update(sessionId, {
            line_items: session.line_items!.data.map((line) => ({ id: line.id })),
          });
        }),
      );
    }
    console.log(`POST ${action.path}`);
    console.log(row('  handler (HTTP, next start)', handler));
    console.log(row('  its two Stripe calls alone (SDK, direct)', direct));
    console.log(`  handler overhead at p50: ${(percentile(handler, 50) - percentile(direct, 50)).toFixed(2)} ms`);
  }
}
