// Orders that cannot be lost (issue 18): with every webhook lost, the return page records the order itself and
// shows its number; a paid session whose buyer never comes back is recorded by the reconciler (the cron route,
// and `npm run reconcile`); a webhook arriving later records nothing twice. Each path is counted in the server's
// own log: one `fulfilment.paid` per session, whichever path recorded it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { APP_PORT, LOCAL_STRIPE_URL } from './config';
import { APP_ORIGIN, newBuyer, payLikeStripeJs, postAs } from './raw-http';
import { onShelf } from './stock';
import { expect, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

const US = {
  name: 'Ada Buyer',
  address: { line1: '1 Pine St', city: 'Portland', state: 'OR', postal_code: '97201', country: 'US' },
};
const SERVER_LOG = `test-results/next-${APP_PORT}.log`;

/** The server's `fulfilment.paid` lines for a session (its log is JSON lines). */
function paidLogLines(sessionId: string): Array<{ by: string; order: number }> {
  return readFileSync(SERVER_LOG, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"fulfilment.paid"') && line.includes(sessionId))
    .map((line) => JSON.parse(line) as { by: string; order: number });
}

/** Every webhook endpoint of the local Stripe disabled for the test (as if the app were unreachable), then restored. */
async function withWebhooksLost<T>(run: () => Promise<T>): Promise<T> {
  const endpoints = (await stripe.webhookEndpoints.list()).data;
  for (const endpoint of endpoints) await stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
  try {
    return await run();
  } finally {
    for (const endpoint of endpoints) await stripe.webhookEndpoints.update(endpoint.id, { disabled: false });
  }
}

async function redeliver(type: string, sessionId: string) {
  const events = await stripe.events.list({ type, limit: 100 });
  const event = events.data.find((candidate) => (candidate.data.object as { id: string }).id === sessionId)!;
  const response = await fetch(`${LOCAL_STRIPE_URL}/_emulator/events/${event.id}/redeliver`, {
    method: 'POST',
    body: '{}',
  });
  expect(response.ok).toBe(true);
}

test('webhooks lost: the return page records the order and shows its number; the webhook later adds nothing', async ({
  page,
}) => {
  const shelf = await onShelf('ceramic-mug');
  await withWebhooksLost(async () => {
    await page.goto('/checkout?item=ceramic-mug');
    expect(await useShippingAddress(page, OREGON)).toBe(200);
    await page.getByLabel('Email').fill('lost@example.com');
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByTestId('order-number')).toBeVisible();
  });
  const sessionId = new URL(page.url()).searchParams.get('session_id')!;
  const number = await page.getByTestId('order-number').textContent();
  expect(paidLogLines(sessionId).map((line) => line.by)).toEqual(['return_page']);

  await redeliver('checkout.session.completed', sessionId);
  await page.reload();
  await expect(page.getByTestId('order-number')).toHaveText(number!);
  expect(paidLogLines(sessionId)).toHaveLength(1);
  expect(await onShelf('ceramic-mug')).toBe(shelf - 1);
});

test('a paid session whose buyer never returns is recorded by the reconciler, once, however often it runs', async () => {
  const buyer = await newBuyer({ kind: 'products', items: [{ productId: 'house-blend', quantity: 2 }] });
  expect(
    (
      await postAs(buyer, '/api/checkout/shipping-address', {
        checkout_session_id: buyer.sessionId,
        shipping_details: US,
      })
    ).status,
  ).toBe(200);
  await withWebhooksLost(() => payLikeStripeJs(buyer, { email: 'away@example.com' }));
  expect(paidLogLines(buyer.sessionId)).toEqual([]);

  // Refused without the cron secret; run with it, as Vercel Cron would.
  expect((await fetch(`${APP_ORIGIN}/api/cron/reconcile`)).status).toBe(401);
  const cron = await fetch(`${APP_ORIGIN}/api/cron/reconcile`, {
    headers: { Authorization: `Bearer ${process.env.E2E_CRON_SECRET}` },
  });
  expect(cron.status).toBe(200);
  expect(paidLogLines(buyer.sessionId).map((line) => line.by)).toEqual(['reconcile']);

  // `npm run reconcile` asks the running server to run it again; the webhook arrives at last: nothing more.
  const { stdout } = await promisify(execFile)('npx', ['tsx', '--conditions=react-server', 'scripts/reconcile.ts'], {
    env: {
      ...process.env,
      APP_URL: APP_ORIGIN,
      CRON_SECRET: process.env.E2E_CRON_SECRET,
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
    },
  });
  expect(stdout).toContain('ran on the server');
  await redeliver('checkout.session.completed', buyer.sessionId);
  await expect
    .poll(async () => (await stripe.events.list({ type: 'checkout.session.completed', limit: 100 })).data.length)
    .toBeGreaterThan(0);
  expect(paidLogLines(buyer.sessionId)).toHaveLength(1);
});
