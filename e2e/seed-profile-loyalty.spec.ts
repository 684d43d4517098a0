// The loyalty discount's endpoint over HTTP, on the preview-profile server (the seed's API version and
// beta): the contract, the binding, the session's state, Stripe failing, and its re-decision inside the
// other cart updates. Stripe's session is read back each time.
import { PLANS } from '../lib/catalog';
import { SEED_API_VERSION } from './config';
import {
  APP_ORIGIN,
  BROWSER_HEADERS,
  clearStripeCalls,
  isSafeErrorAnswer,
  newBuyer,
  SEED_ORIGIN,
  send,
  stripeCallsFor,
  type Buyer,
} from './raw-http';
import { clearFaults, expect, injectFault, stripe, test } from './support';

const cart = (...items: Array<[string, number]>) => ({
  kind: 'products',
  items: items.map(([productId, quantity]) => ({ productId, quantity })),
});
const GRINDER_AND_BEANS = cart(['hand-grinder', 1], ['house-blend', 1]); // $105: 10 % is $10.50
const GRINDER = cart(['hand-grinder', 1]); // $89: none

const post = (path: string, buyer: Pick<Buyer, 'cookie'>, body: Record<string, unknown>, origin = SEED_ORIGIN) =>
  send(path, { ...BROWSER_HEADERS, origin, cookie: buyer.cookie }, JSON.stringify(body), origin);
const loyalty = (buyer: Buyer, origin = SEED_ORIGIN) =>
  post('/api/checkout/loyalty-discount', buyer, { checkout_session_id: buyer.sessionId }, origin);
const discountOf = async (sessionId: string) => {
  const session = await stripe.checkout.sessions.retrieve(sessionId, {}, { apiVersion: SEED_API_VERSION });
  return { amount: session.total_details?.amount_discount ?? 0, discounts: session.discounts?.length ?? 0 };
};
const seedBuyer = (items: unknown) => newBuyer(items, SEED_ORIGIN);

test.afterEach(clearFaults);

test('the endpoint applies the discount in two Stripe calls; asked again, one call and nothing changes', async () => {
  const buyer = await seedBuyer(GRINDER_AND_BEANS);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 0, discounts: 0 });
  await clearStripeCalls();
  const response = await loyalty(buyer);
  expect(response.status, response.text).toBe(200);
  expect(JSON.parse(response.text)).toEqual({ type: 'success' });
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => `${call.method} ${call.path}`)).toEqual([
    `GET /v1/checkout/sessions/${buyer.sessionId}`,
    `POST /v1/checkout/sessions/${buyer.sessionId}`,
  ]);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 1050, discounts: 1 });

  await clearStripeCalls();
  expect((await loyalty(buyer)).status).toBe(200);
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => call.method)).toEqual(['GET']);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 1050, discounts: 1 });
});

test('below $100 the endpoint sets nothing; a cart update past $100 brings the discount, one below takes it away, each in one update', async () => {
  const buyer = await seedBuyer(GRINDER);
  expect((await loyalty(buyer)).status).toBe(200);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 0, discounts: 0 });

  await clearStripeCalls();
  const add = await post('/api/checkout/cross-sell', buyer, {
    checkout_session_id: buyer.sessionId,
    product_id: 'house-blend',
    action: 'add',
  });
  expect(add.status, add.text).toBe(200);
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => call.method)).toEqual(['GET', 'POST']);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 1050, discounts: 1 });

  const remove = await post('/api/checkout/cross-sell', buyer, {
    checkout_session_id: buyer.sessionId,
    product_id: 'house-blend',
    action: 'remove',
  });
  expect(remove.status, remove.text).toBe(200);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 0, discounts: 0 });
});

test("another browser's cookie: 403, nothing changes", async () => {
  const owner = await seedBuyer(GRINDER_AND_BEANS);
  const stranger = await seedBuyer(GRINDER);
  for (const cookie of [stranger.cookie, '']) {
    const response = await post('/api/checkout/loyalty-discount', { cookie }, { checkout_session_id: owner.sessionId });
    expect(response.status).toBe(403);
    expect(isSafeErrorAnswer(response)).toBe(true);
  }
  expect(await discountOf(owner.sessionId)).toEqual({ amount: 0, discounts: 0 });
});

test('an expired session, a subscription, or a GA session (promotion codes instead): 409', async () => {
  const expired = await seedBuyer(GRINDER_AND_BEANS);
  await stripe.checkout.sessions.expire(expired.sessionId);
  expect((await loyalty(expired)).status).toBe(409);
  const plan = await seedBuyer({ kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' });
  expect((await loyalty(plan)).status).toBe(409);
  const ga = await newBuyer(GRINDER_AND_BEANS, APP_ORIGIN);
  const response = await loyalty(ga, APP_ORIGIN);
  expect(response.status).toBe(409);
  expect(JSON.parse(response.text)).toMatchObject({ message: "This checkout doesn't offer the loyalty discount." });
  expect(await discountOf(ga.sessionId)).toEqual({ amount: 0, discounts: 0 });
});

test('Stripe failing the update: 502 with a safe message, the session as it was', async () => {
  const buyer = await seedBuyer(GRINDER_AND_BEANS);
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  const response = await loyalty(buyer);
  expect(response.status).toBe(502);
  expect(isSafeErrorAnswer(response)).toBe(true);
  await clearFaults();
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 0, discounts: 0 });
});

test('a dropped connection (outcome unknown): the session is read back, still without the discount, so 502', async () => {
  const buyer = await seedBuyer(GRINDER_AND_BEANS);
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'drop' });
  await clearStripeCalls();
  const response = await loyalty(buyer);
  expect(response.status).toBe(502);
  expect(isSafeErrorAnswer(response)).toBe(true);
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => call.method).at(-1), 'the read-back').toBe('GET');
  await clearFaults();
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 0, discounts: 0 });
  expect((await loyalty(buyer)).status, 'and the next try succeeds').toBe(200);
  expect(await discountOf(buyer.sessionId)).toEqual({ amount: 1050, discounts: 1 });
});

test('browser: past $100 the discount line appears; below, it leaves', async ({ page }) => {
  await page.goto('/checkout?item=hand-grinder');
  await expect(page.getByTestId('line-item').first()).toContainText('Hand grinder');
  await expect(page.getByLabel('Promo code'), 'the preview profile has no promotion codes').toHaveCount(0);
  await expect(page.getByTestId('discount')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add House Blend, 340 g' }).click();
  await expect(page.getByTestId('discount')).toHaveText(/Loyalty discount.*−\$10\.50/);
  await page.getByRole('button', { name: 'Remove House Blend, 340 g' }).click();
  await expect(page.getByTestId('discount')).toHaveCount(0);
  await expect(page.getByTestId('line-item')).toHaveCount(2); // the grinder and the gift
});
