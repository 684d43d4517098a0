// POST /api/checkout/shipping-address over HTTP (production build, local Stripe): the contract, the
// binding, the session's state, Stripe failing mid-update, the Stripe calls it makes; the session read back.
import { TAX_RATES } from '../lib/catalog';
import { BROWSER_HEADERS, clearStripeCalls, newBuyer, send, stripeCallsFor, type Buyer } from './raw-http';
import { clearFaults, expect, injectFault, stripe, test } from './support';

const BEANS = { kind: 'products', items: [{ productId: 'house-blend', quantity: 2 }] }; // $32.00
const SACRAMENTO = {
  name: 'Ada Buyer',
  address: { line1: '1 Capitol Mall', city: 'Sacramento', state: 'CA', postal_code: '95814', country: 'US' },
};
const BERLIN = {
  name: 'Ada Buyer',
  address: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' },
};

const post = (path: string, buyer: Pick<Buyer, 'cookie'>, body: Record<string, unknown>) =>
  send(path, { ...BROWSER_HEADERS, cookie: buyer.cookie }, JSON.stringify(body));
const setAddress = (buyer: Buyer, shipping_details: unknown, sessionId = buyer.sessionId) =>
  post('/api/checkout/shipping-address', buyer, { checkout_session_id: sessionId, shipping_details });

/** What the session holds of the address step: the country, the options' names, the lines' tax rates, the tax. */
async function stateOf(sessionId: string) {
  const session = await stripe.checkout.sessions.retrieve(sessionId, {
    expand: ['shipping_options.shipping_rate', 'line_items.data.taxes'],
  });
  return {
    country: session.collected_information?.shipping_details?.address.country ?? null,
    options: session.shipping_options.map((option) =>
      typeof option.shipping_rate === 'string' ? option.shipping_rate : option.shipping_rate.display_name,
    ),
    taxes: (session.line_items?.data ?? []).map((item) =>
      (item.taxes ?? []).map((tax) => tax.rate.metadata?.catalog_id).join(','),
    ),
    amountTax: session.total_details?.amount_tax ?? 0,
    amountTotal: session.amount_total,
  };
}

test.afterEach(clearFaults);

test('a US address in a taxed state: options and tax in one update, two Stripe calls', async () => {
  const buyer = await newBuyer(BEANS);
  await clearStripeCalls();
  const response = await setAddress(buyer, SACRAMENTO);
  expect(response.status, response.text).toBe(200);
  expect(JSON.parse(response.text)).toEqual({ type: 'success' });
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => `${call.method} ${call.path}`)).toEqual([
    `GET /v1/checkout/sessions/${buyer.sessionId}`,
    `POST /v1/checkout/sessions/${buyer.sessionId}`,
  ]);
  const ca = TAX_RATES.find((rate) => rate.id === 'us-ca')!;
  const tax = Math.round((3200 * ca.percentage) / 100);
  expect(await stateOf(buyer.sessionId)).toEqual({
    country: 'US',
    options: ['Standard shipping', 'Express shipping'],
    taxes: ['us-ca'],
    amountTax: tax,
    amountTotal: 3200 + tax + 600,
  });

  expect((await setAddress(buyer, BERLIN)).status).toBe(200);
  const berlin = await stateOf(buyer.sessionId);
  expect(berlin).toMatchObject({
    country: 'DE',
    options: ['International shipping'],
    taxes: ['de-vat'],
    amountTax: 3200 - Math.round(3200 / 1.19),
  });
  expect(berlin.amountTotal, 'VAT is in the price').toBe(3200 + 2500);
});

test('refusals: 400 with a message, and nothing changes', async () => {
  const buyer = await newBuyer(BEANS);
  expect((await setAddress(buyer, SACRAMENTO)).status).toBe(200);
  const before = await stateOf(buyer.sessionId);
  const cases: Array<[unknown, RegExp]> = [
    [
      { ...SACRAMENTO, address: { ...SACRAMENTO.address, country: 'JP', state: undefined } },
      /We don't ship to Japan\./,
    ],
    [{ ...SACRAMENTO, address: { ...SACRAMENTO.address, postal_code: '9581' } }, /5-digit ZIP/],
    [{ ...SACRAMENTO, address: { ...SACRAMENTO.address, state: undefined } }, /2-letter state/],
    [{ ...SACRAMENTO, name: 'x'.repeat(101) }, /./],
    [{ address: SACRAMENTO.address }, /./],
  ];
  for (const [details, message] of cases) {
    const response = await setAddress(buyer, details);
    expect(response.status, response.text).toBe(400);
    expect((JSON.parse(response.text) as { message: string }).message).toMatch(message);
  }
  expect(await stateOf(buyer.sessionId)).toEqual(before);
});

test("another browser's cookie: 403; a completed or expired session: 409", async () => {
  const owner = await newBuyer(BEANS);
  const stranger = await newBuyer(BEANS);
  expect((await setAddress(stranger, SACRAMENTO, owner.sessionId)).status).toBe(403);
  expect((await stateOf(owner.sessionId)).country).toBeNull();
  await stripe.checkout.sessions.expire(owner.sessionId);
  expect((await setAddress(owner, SACRAMENTO)).status).toBe(409);
  const plan = await newBuyer();
  expect((await setAddress(plan, SACRAMENTO)).status, 'a subscription checkout ships nothing').toBe(409);
});

test('Stripe failing the update: 502, the session as it was', async () => {
  const buyer = await newBuyer(BEANS);
  const before = await stateOf(buyer.sessionId);
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  const response = await setAddress(buyer, SACRAMENTO);
  expect(response.status).toBe(502);
  await clearFaults();
  expect(await stateOf(buyer.sessionId)).toEqual(before);
});

test('with an address set, a quantity change past the threshold recomputes shipping in its one update', async () => {
  const buyer = await newBuyer(BEANS);
  expect((await setAddress(buyer, SACRAMENTO)).status).toBe(200);
  const lineId = (await stripe.checkout.sessions.listLineItems(buyer.sessionId)).data[0]!.id;
  await clearStripeCalls();
  const response = await post('/api/checkout/line-item-quantity', buyer, {
    checkout_session_id: buyer.sessionId,
    line_item_id: lineId,
    quantity: 4,
  });
  expect(response.status, response.text).toBe(200);
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => call.method)).toEqual(['GET', 'POST']);
  const after = await stateOf(buyer.sessionId); // $64.00: free standard shipping
  expect(after).toMatchObject({ options: ['Free standard shipping', 'Express shipping'], taxes: ['us-ca'] });
  expect(after.amountTotal).toBe(6400 + Math.round(6400 * 0.0725));
});
