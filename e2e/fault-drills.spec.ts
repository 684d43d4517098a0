// Fault drills: every Stripe call of every buyer action fails once and twice in each way the network can
// fail (a 500, a 429, a dropped connection, a delay past the client's 4 s timeout). Whatever the answer, it
// must agree with what Stripe holds when read back, and the page must show what Stripe holds.
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { randomUUID } from 'node:crypto';
import {
  BROWSER_HEADERS,
  clearStripeCalls,
  newBuyer,
  send,
  stripeCalls,
  type Buyer,
  type RawResponse,
} from './raw-http';
import { onShelf } from './stock';
import { clearFaults, expect, injectFault, sessionIdOf, stripe, test, untilDelayedCallsRan } from './support';

type Kind = 'error_500' | 'error_429' | 'drop' | 'delay';
const KINDS: Kind[] = ['error_500', 'error_429', 'drop', 'delay'];
const DELAY_MS = 4_500; // past the storefront's 4 s Stripe timeout
const SESSION_PATH = '/v1/checkout/sessions/*';

const fault = (method: string, path: string, kind: Kind, count: number) =>
  injectFault({ method, path, count, kind, ...(kind === 'delay' && { delayMs: DELAY_MS }) } as Parameters<
    typeof injectFault
  >[0]);
const lookupKeys = async (sessionId: string) =>
  (await stripe.checkout.sessions.listLineItems(sessionId)).data.map((item) => item.price?.lookup_key);

/** Every way one of an action's session calls can fail: the retrieve or the update, each kind, once or twice. */
const CASES = (['GET', 'POST'] as const).flatMap((method) =>
  KINDS.flatMap((kind) => [1, 2].map((count) => ({ method, kind, count }))),
);
type Drilled = { buyer: Buyer; response: RawResponse; drill: string };

const buyersForCases = (cart?: unknown) => Promise.all(CASES.map(() => newBuyer(cart)));

/**
 * Runs every case at once, each on a buyer of its own (`buyers[i]` for `CASES[i]`) with its fault armed on that
 * buyer's session only (the path names it), so one case cannot take another's fault; then waits for the delayed
 * calls to run (each action's calls were all made before it answered) and disarms what no call used. Each answer must be a success or a safe failure.
 */
async function drill(buyers: Buyer[], act: (buyer: Buyer) => Promise<RawResponse>) {
  await Promise.all(
    CASES.map(({ method, kind, count }, i) =>
      fault(method, `/v1/checkout/sessions/${buyers[i]!.sessionId}`, kind, count),
    ),
  );
  const responses = await Promise.all(buyers.map(act));
  await untilDelayedCallsRan();
  await clearFaults();
  return CASES.map(({ method, kind, count }, i): Drilled => {
    const response = responses[i]!;
    const call = method === 'GET' ? 'retrieve' : 'update';
    const drill = `${call} ${kind} ×${count}: ${response.status} ${response.text}`;
    expect([200, 502, 503], drill).toContain(response.status);
    return { buyer: buyers[i]!, response, drill };
  });
}

// The drills spend most of their time waiting on held answers (four of them past the storefront's 4 s timeout, per
// drill), with little for the CPU to do. They run one after another on one worker, first in the run (their own
// project in playwright.config.ts), while the other workers use the CPU: spread over every worker at once, all three
// waited together and the machine sat ~90 % idle for 15 s of each run.
test.describe.configure({ timeout: 240_000 });
test.afterEach(clearFaults);

test('the interval switch: its answer always agrees with the session read back', async () => {
  const drilled = await drill(await buyersForCases(), (buyer) =>
    send(
      '/api/change-subscription-interval',
      { ...BROWSER_HEADERS, cookie: buyer.cookie },
      JSON.stringify({ checkout_session_id: buyer.sessionId, interval: 'yearly' }),
    ),
  );
  for (const { buyer, response, drill } of drilled)
    expect(await lookupKeys(buyer.sessionId), drill).toEqual([
      response.status === 200 ? PLANS[0]!.prices.yearly.lookupKey : PLANS[0]!.prices.monthly.lookupKey,
    ]);
});

test('a quantity change: its answer always agrees with the session and the holds read back', async () => {
  // Every case's buyer holds one bag before its change, so the shelf moves by two for each change applied.
  const buyers = await buyersForCases({ kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] });
  const lineIds = new Map<Buyer, string>();
  for (const buyer of buyers)
    lineIds.set(buyer, (await stripe.checkout.sessions.listLineItems(buyer.sessionId)).data[0]!.id);
  const shelf = await onShelf('house-blend');
  const drilled = await drill(buyers, (buyer) =>
    send(
      '/api/checkout/line-item-quantity',
      { ...BROWSER_HEADERS, cookie: buyer.cookie },
      JSON.stringify({ checkout_session_id: buyer.sessionId, line_item_id: lineIds.get(buyer), quantity: 3 }),
    ),
  );
  for (const { buyer, response, drill } of drilled) {
    const [after] = (await stripe.checkout.sessions.listLineItems(buyer.sessionId)).data;
    expect(after!.quantity, drill).toBe(response.status === 200 ? 3 : 1);
  }
  const applied = drilled.filter(({ response }) => response.status === 200).length;
  expect(await onShelf('house-blend'), drilled.map(({ drill }) => drill).join('\n')).toBe(shelf - 2 * applied);
});

test('a shipping address: its answer always agrees with the session read back', async () => {
  const shipping_details = {
    name: 'Ada Buyer',
    address: { line1: '1 Main St', city: 'Albany', state: 'NY', postal_code: '12207', country: 'US' },
  };
  const buyers = await buyersForCases({ kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] });
  const drilled = await drill(buyers, (buyer) =>
    send(
      '/api/checkout/shipping-address',
      { ...BROWSER_HEADERS, cookie: buyer.cookie },
      JSON.stringify({ checkout_session_id: buyer.sessionId, shipping_details }),
    ),
  );
  for (const { buyer, response, drill } of drilled) {
    const after = await stripe.checkout.sessions.retrieve(buyer.sessionId);
    const applied = response.status === 200;
    expect(after.collected_information?.shipping_details?.address.postal_code ?? null, drill).toBe(
      applied ? '12207' : null,
    );
    expect(after.shipping_options.length, drill).toBe(applied ? 2 : 0);
    expect(after.total_details?.amount_tax, drill).toBe(applied ? Math.round(1600 * 0.08875) : 0);
  }
});

test('creating a session: a failure leaves at most the one session its retry gets back', async () => {
  for (const kind of KINDS) {
    for (const count of [1, 2]) {
      const body = JSON.stringify({
        cart: { kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' },
        attemptId: randomUUID(),
      });
      await clearStripeCalls();
      await fault('POST', '/v1/checkout/sessions', kind, count);
      const first = await send('/api/checkout/sessions', BROWSER_HEADERS, body);
      await untilDelayedCallsRan();
      await clearFaults();
      const drill = `create ${kind} ×${count}: ${first.status} ${first.text}`;
      expect([201, 502, 503], drill).toContain(first.status);
      // The buyer's "Try again" sends the same attempt (so the same cookieless browser): the same session, never a
      // second one. It resumes the checkout the first request opened (200), or makes it now (201), Stripe's
      // idempotency giving back a session whose answer was lost.
      const retry = await send('/api/checkout/sessions', BROWSER_HEADERS, body);
      expect(retry.status, drill).toBe(first.status === 201 ? 200 : 201);
      const { clientSecret } = JSON.parse(retry.text) as { clientSecret: string };
      if (first.status === 201) expect(JSON.parse(first.text)).toEqual({ clientSecret });
      const creations = (await stripeCalls()).filter(
        (c) => c.method === 'POST' && c.path === '/v1/checkout/sessions' && c.status === 200,
      );
      expect(new Set(creations.map((c) => c.idempotencyKey)).size, drill).toBe(1);
      expect((await stripe.checkout.sessions.retrieve(clientSecret.split('_secret_')[0]!)).status).toBe('open');
    }
  }
});

const MONTHLY_URL = planCheckoutPath(PLANS[0]!.id, 'monthly');

test('an update that lands although the page was told it failed: the page shows what Stripe holds', async ({
  page,
}) => {
  await page.goto(MONTHLY_URL);
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  // The update reaches the server and Stripe; the answer is lost on its way back to the page.
  await page.route('**/api/change-subscription-interval', async (route) => {
    await route.fetch();
    await route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({ type: 'error', message: 'Lost on the way.' }),
    });
  });
  const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  const sessionId = sessionIdOf(await switchRequest);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Lost on the way.');
  expect(await lookupKeys(sessionId)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);
  await expect(page.getByTestId('total')).toHaveText('$240.00');
  await expect(page.getByRole('switch', { name: 'Yearly billing' })).toHaveAttribute('aria-checked', 'true');
});

test('an update whose connection drops twice: an alert, and the page and Stripe both keep monthly', async ({
  page,
}) => {
  await page.goto(MONTHLY_URL);
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  await fault('POST', SESSION_PATH, 'drop', 2);
  const switchResponse = page.waitForResponse('**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  // The answer first, then the faults go: clearing them sooner could let the update through on a slow machine.
  const answer = await switchResponse;
  expect(answer.status()).toBe(502);
  const sessionId = sessionIdOf(answer.request());
  // The alert region is always in the page (components/ui/notice.tsx): what shows the failure is its words.
  await expect(page.getByRole('main').getByRole('alert')).not.toBeEmpty();
  await clearFaults();
  expect(await lookupKeys(sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
  await expect(page.getByTestId('total')).toHaveText('$24.00');
});
