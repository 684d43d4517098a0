// Benchmark (not a test): POST /api/change-subscription-interval, one request at a time, beside the same two
// Stripe calls (retrieve with line items, update) made directly with the SDK, so the handler's own overhead
// shows. Runs on the server `npm run bench` started (bench-build.ts). Prints p50/p99 in milliseconds.
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { percentile, timed } from './bench-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS_SEQUENTIAL ?? 200);

export async function benchIntervalSwitch(base: string, stripe: Stripe) {
  // The storefront refuses JSON mutations without this content type and its own Origin.
  const headers = { 'Content-Type': 'application/json', Origin: base };
  const created = await fetch(`${base}/api/checkout/sessions`, {
    method: 'POST',
    headers,
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
          headers: { ...headers, cookie },
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
}
