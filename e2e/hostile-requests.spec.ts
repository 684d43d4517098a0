// Property-based hardening: for every mutation endpoint, hundreds of generated malformed or hostile
// requests (wrong types, sizes, encodings, prototype keys, unicode, other browsers' sessions, foreign
// origins, forged signatures). Each must get a 4xx with a safe message, and none may change anything:
// no request reaches Stripe with a write (the local Stripe's request log), and the sessions read back
// as they were. Every later buyer action joins this table.
import { PLANS } from '../lib/catalog';
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  APP_ORIGIN,
  BROWSER_HEADERS,
  clearStripeCalls,
  isSafeErrorAnswer,
  newBuyer,
  SEED_ORIGIN,
  send,
  stripeCalls,
  type Buyer,
} from './raw-http';
import { SEED_API_VERSION } from './config';
import { onShelf } from './stock';
import { expect, stripe, test } from './support';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);
const PLAN_CART = { kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' };

type Hostile = { headers: Record<string, string>; body: string | Buffer };

// Values no field of ours accepts where it stands: other types, sizes, encodings and shapes.
const strangeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'x\n[fulfilment] cs_test_forged paid',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
  ),
  fc.nat({ max: 20_000 }).map((n) => `cs_test_${'a'.repeat(n)}`),
);
const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  strangeString,
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  fc.constantFrom(-1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** A header carries bytes, not text: the string's UTF-8 bytes, less the control characters HTTP forbids. */
const asHeaderValue = (text: string) =>
  Buffer.from(text)
    .toString('latin1')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const extraKey = fc.oneof(prototypeKey, fc.string({ minLength: 1, maxLength: 12 }), fc.constant('k'.repeat(5000)));

/** A valid body with exactly one thing wrong in it. */
function brokenBody(
  valid: Record<string, unknown>,
  invalidFor: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<string> {
  const fields = Object.keys(valid);
  return fc.oneof(
    fc
      .constantFrom(...fields)
      .chain((field) => invalidFor[field]!.map((value) => JSON.stringify({ ...valid, [field]: value }))),
    fc
      .constantFrom(...fields)
      .map((field) => JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field)))),
    fc
      .tuple(extraKey, fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => `${JSON.stringify(valid).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.constantFrom('', 'not json', '{"a":', '[]', 'null', '{"checkout_session_id": "cs_test_a", }'),
  );
}

/** A request whose body is fine but which does not come from our pages as a buyer action does. */
function brokenEnvelope(validBody: string): fc.Arbitrary<Hostile> {
  const body = Buffer.from(validBody);
  return fc.oneof(
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'text/json',
        '',
      )
      .map((type) => ({ headers: { ...BROWSER_HEADERS, 'content-type': type }, body })),
    fc
      .constantFrom(
        'https://evil.example',
        'http://127.0.0.1.evil.example',
        'null',
        'http://localhost:1',
        `${APP_ORIGIN}.evil.example`,
      )
      .map((origin) => ({ headers: { ...BROWSER_HEADERS, origin }, body })),
    fc
      .constantFrom('cross-site', 'same-site')
      .map((site) => ({ headers: { ...BROWSER_HEADERS, 'sec-fetch-site': site }, body })),
    fc.constant({
      headers: BROWSER_HEADERS,
      body: Buffer.concat([Buffer.from('{"pad":"'), Buffer.alloc(40_000, 0x61), Buffer.from('"}')]),
    }),
    fc.constant({ headers: BROWSER_HEADERS, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }),
  );
}

function hostile(
  validBody: Record<string, unknown>,
  invalidFor: Record<string, fc.Arbitrary<unknown>>,
  withCookie: string,
) {
  const cookie = { cookie: withCookie };
  return fc.oneof(
    brokenBody(validBody, invalidFor).map((body): Hostile => ({ headers: { ...BROWSER_HEADERS, ...cookie }, body })),
    brokenEnvelope(JSON.stringify(validBody)).map((request): Hostile => ({
      ...request,
      headers: { ...request.headers, ...cookie },
    })),
  );
}

/**
 * Sends each generated request; each must be a safe 4xx that made no write to Stripe. `origin` picks the
 * server (the preview profile's for its own endpoints); our pages' Origin header follows it. A run checks its
 * answer with plain code and throws what is wrong (fast-check then shrinks and reports that request): an
 * `expect` per run is a reported step per run, and Playwright's bookkeeping of thousands of steps cost this
 * file's worker more CPU than the requests did.
 */
async function expectAllRefused(
  path: string,
  requests: fc.Arbitrary<Hostile>,
  allowedStripeCalls: RegExp,
  origin = APP_ORIGIN,
) {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(requests, async ({ headers, body }) => {
      await clearStripeCalls();
      const response = await send(path, headers.origin === APP_ORIGIN ? { ...headers, origin } : headers, body, origin);
      sent += 1;
      const answer = `${response.status} ${response.text.slice(0, 200)}`;
      if (response.status < 400 || response.status >= 500) throw new Error(`not a 4xx: ${answer}`);
      // 431: Node's HTTP server refuses headers over 16 KB itself, before the app, with no body.
      if (response.status !== 431 && !isSafeErrorAnswer(response)) throw new Error(`not a safe error: ${answer}`);
      const calls = (await stripeCalls()).map((call) => `${call.method} ${call.path}`);
      const writes = calls.filter((call) => !allowedStripeCalls.test(call));
      if (writes.length > 0) throw new Error(`${answer}, yet Stripe heard ${writes.join(', ')}`);
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(sent).toBeGreaterThanOrEqual(RUNS);
}

const lookupKeys = async (sessionId: string) =>
  (await stripe.checkout.sessions.listLineItems(sessionId)).data.map((item) => item.price?.lookup_key);

// Each test is its own buyers' on its worker's stack: the tests spread over the workers, so this long file does not
// end the run on one worker.
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

test('POST /api/checkout/sessions refuses every hostile request and creates nothing', async () => {
  const buyer = await newBuyer();
  const invalidCart = fc.oneof(
    strangeValue,
    fc.record({ kind: fc.constantFrom('plan', 'products', 'gift'), planId: strangeValue, interval: strangeValue }),
    fc.integer().map((unitAmount) => ({ ...PLAN_CART, unit_amount: unitAmount })),
    fc.record({
      kind: fc.constant('products'),
      items: fc.array(fc.record({ productId: fc.constantFrom('house-blend', 'gold-bar'), quantity: strangeValue }), {
        maxLength: 5,
      }),
    }),
    fc.integer({ min: 2, max: 5 }).map((n) => ({
      kind: 'products',
      items: Array.from({ length: n }, () => ({ productId: 'house-blend', quantity: 10 })),
    })),
  );
  await expectAllRefused(
    '/api/checkout/sessions',
    hostile({ cart: PLAN_CART, attemptId: randomUUID() }, { cart: invalidCart, attemptId: strangeValue }, buyer.cookie),
    /^GET /,
  );
});

test('POST /api/change-subscription-interval refuses every hostile request; no session changes', async () => {
  const buyer = await newBuyer();
  const victim: Buyer = await newBuyer();
  const invalidFor = {
    checkout_session_id: fc.oneof(strangeValue, fc.constant(`cs_test_${randomUUID().replaceAll('-', '')}`)),
    interval: strangeValue.filter((value) => value !== 'monthly' && value !== 'yearly'),
  };
  const mine = hostile({ checkout_session_id: buyer.sessionId, interval: 'yearly' }, invalidFor, buyer.cookie);
  // Another browser's session, named by a browser with a cookie of its own, or none.
  const theirs = fc
    .constantFrom(buyer.cookie, '', 'storefront_browser=forged', `storefront_browser=${'A'.repeat(43)}`)
    .map((cookie): Hostile => ({
      headers: { ...BROWSER_HEADERS, ...(cookie && { cookie }) },
      body: JSON.stringify({ checkout_session_id: victim.sessionId, interval: 'yearly' }),
    }));
  await expectAllRefused(
    '/api/change-subscription-interval',
    fc.oneof({ arbitrary: mine, weight: 4 }, { arbitrary: theirs, weight: 1 }),
    /^GET /,
  );
  expect(await lookupKeys(buyer.sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
  expect(await lookupKeys(victim.sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
});

test('POST /api/checkout/line-item-quantity and /cross-sell refuse every hostile request; no session, no hold changes', async () => {
  const beans = { kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] };
  const buyer = await newBuyer(beans);
  const victim = await newBuyer(beans);
  const [line] = (await stripe.checkout.sessions.listLineItems(buyer.sessionId)).data;
  const [victimLine] = (await stripe.checkout.sessions.listLineItems(victim.sessionId)).data;
  const shelf = async () => Promise.all(['house-blend', 'ceramic-mug', 'hand-grinder'].map(onShelf));
  const before = await shelf();
  const sessionId = fc.oneof(strangeValue, fc.constant(`cs_test_${randomUUID().replaceAll('-', '')}`));
  const theirs = (body: Record<string, unknown>) =>
    fc.constantFrom(buyer.cookie, '', 'storefront_browser=forged').map((cookie): Hostile => ({
      headers: { ...BROWSER_HEADERS, ...(cookie && { cookie }) },
      body: JSON.stringify(body),
    }));
  const quantity = hostile(
    { checkout_session_id: buyer.sessionId, line_item_id: line!.id, quantity: 2 },
    {
      checkout_session_id: sessionId,
      line_item_id: fc.oneof(strangeValue, fc.constant(victimLine!.id)),
      quantity: fc.oneof(
        strangeValue.filter((value) => typeof value !== 'number' || !Number.isInteger(value) || value > 10),
        fc.constantFrom(-1, 11, 1e6),
      ),
    },
    buyer.cookie,
  );
  await expectAllRefused(
    '/api/checkout/line-item-quantity',
    fc.oneof(
      { arbitrary: quantity, weight: 4 },
      {
        arbitrary: theirs({ checkout_session_id: victim.sessionId, line_item_id: victimLine!.id, quantity: 2 }),
        weight: 1,
      },
    ),
    /^GET /,
  );
  const crossSell = hostile(
    { checkout_session_id: buyer.sessionId, product_id: 'ceramic-mug', action: 'add' },
    {
      checkout_session_id: sessionId,
      product_id: fc.oneof(strangeValue, fc.constantFrom('tasting-sample', 'house-blend', 'gold-bar', '__proto__')),
      action: strangeValue.filter((value) => value !== 'add' && value !== 'remove'),
    },
    buyer.cookie,
  );
  await expectAllRefused(
    '/api/checkout/cross-sell',
    fc.oneof(
      { arbitrary: crossSell, weight: 4 },
      {
        arbitrary: theirs({ checkout_session_id: victim.sessionId, product_id: 'ceramic-mug', action: 'add' }),
        weight: 1,
      },
    ),
    /^GET /,
  );
  for (const session of [buyer.sessionId, victim.sessionId]) {
    expect(
      (await stripe.checkout.sessions.listLineItems(session)).data.map(
        (item) => `${item.price?.lookup_key} × ${item.quantity}`,
      ),
    ).toEqual(['house_blend_340g × 1']);
  }
  expect(await shelf()).toEqual(before);
});

test('POST /api/checkout/shipping-address refuses every hostile request; no address, no option, no tax set', async () => {
  const beans = { kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] };
  const buyer = await newBuyer(beans);
  const victim = await newBuyer(beans);
  const address = { line1: '1 Main St', city: 'Albany', state: 'NY', postal_code: '12207', country: 'US' };
  const valid = { checkout_session_id: buyer.sessionId, shipping_details: { name: 'Ada Buyer', address } };
  // Wrong for every field it may stand in: another type, empty, or too long.
  const badField = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.constantFrom('', '   ', 'x'.repeat(201)),
  );
  const badAddress = fc.oneof(
    strangeValue,
    fc
      .constantFrom('line1', 'city', 'postal_code', 'country', 'state')
      .chain((field) => badField.map((value) => ({ ...address, [field]: value }))),
    fc.constantFrom('JP', 'BR', 'XX', 'USA', '__proto__').map((country) => ({ ...address, country })),
    fc.constant({ ...address, line1: 'x'.repeat(201) }),
    fc.constant({ ...address, state: null }),
  );
  const requests = hostile(
    valid,
    {
      checkout_session_id: fc.oneof(strangeValue, fc.constant(`cs_test_${randomUUID().replaceAll('-', '')}`)),
      shipping_details: fc.oneof(
        strangeValue,
        badAddress.map((bad) => ({ name: 'Ada Buyer', address: bad })),
        badField.map((name) => ({ name, address })),
      ),
    },
    buyer.cookie,
  );
  const theirs = fc.constantFrom(buyer.cookie, '', 'storefront_browser=forged').map((cookie): Hostile => ({
    headers: { ...BROWSER_HEADERS, ...(cookie && { cookie }) },
    body: JSON.stringify({ ...valid, checkout_session_id: victim.sessionId }),
  }));
  await expectAllRefused(
    '/api/checkout/shipping-address',
    fc.oneof({ arbitrary: requests, weight: 4 }, { arbitrary: theirs, weight: 1 }),
    /^GET /,
  );
  for (const session of [buyer.sessionId, victim.sessionId]) {
    const after = await stripe.checkout.sessions.retrieve(session);
    expect(after.collected_information?.shipping_details ?? null).toBeNull();
    expect(after.shipping_options).toEqual([]);
    expect(after.total_details?.amount_tax ?? 0).toBe(0);
  }
});

test('POST /api/checkout/loyalty-discount (preview server) refuses every hostile request; no discount changes', async () => {
  const cart = {
    kind: 'products',
    items: [
      { productId: 'hand-grinder', quantity: 1 },
      { productId: 'house-blend', quantity: 1 },
    ],
  };
  const buyer = await newBuyer(cart, SEED_ORIGIN);
  const victim = await newBuyer(cart, SEED_ORIGIN);
  const mine = hostile(
    { checkout_session_id: buyer.sessionId },
    { checkout_session_id: fc.oneof(strangeValue, fc.constant(`cs_test_${randomUUID().replaceAll('-', '')}`)) },
    buyer.cookie,
  );
  const theirs = fc.constantFrom(buyer.cookie, '', 'storefront_browser=forged').map((cookie): Hostile => ({
    headers: { ...BROWSER_HEADERS, ...(cookie && { cookie }) },
    body: JSON.stringify({ checkout_session_id: victim.sessionId }),
  }));
  await expectAllRefused(
    '/api/checkout/loyalty-discount',
    fc.oneof({ arbitrary: mine, weight: 4 }, { arbitrary: theirs, weight: 1 }),
    /^GET /,
    SEED_ORIGIN,
  );
  for (const session of [buyer.sessionId, victim.sessionId]) {
    expect((await stripe.checkout.sessions.retrieve(session, {}, { apiVersion: SEED_API_VERSION })).discounts).toEqual(
      [],
    );
  }
});

test('POST /api/webhooks/stripe refuses every unsigned or forged event and reads nothing from Stripe', async () => {
  const { sessionId } = await newBuyer();
  const event = JSON.stringify({
    id: `evt_${randomUUID()}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: { object: { id: sessionId } },
  });
  const forge = (secret: string, timestamp: number, payload: string) =>
    `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
  const now = () => Math.floor(Date.now() / 1000);
  const requests: fc.Arbitrary<Hostile> = fc.oneof(
    fc
      .tuple(fc.oneof(strangeString.map(asHeaderValue), fc.constant('')), fc.jsonValue({ maxDepth: 3 }))
      .map(([signature, body]) => ({
        headers: { 'content-type': 'application/json', ...(signature && { 'stripe-signature': signature }) },
        body: JSON.stringify(body),
      })),
    fc.string({ minLength: 6, maxLength: 30 }).map((secret) => ({
      headers: { 'content-type': 'application/json', 'stripe-signature': forge(`whsec_${secret}`, now(), event) },
      body: event,
    })),
    fc.constant({
      headers: { 'content-type': 'application/json', 'stripe-signature': forge('whsec_x', now(), event) },
      body: Buffer.alloc(400_000, 0x20),
    }),
  );
  await expectAllRefused('/api/webhooks/stripe', requests, /^$/);
});

/** A browser with a cart of its own: its cookie, set by its first cart action. */
async function newCartBuyer(): Promise<string> {
  const response = await send(
    '/api/cart/items',
    BROWSER_HEADERS,
    JSON.stringify({ product_id: 'house-blend', quantity: 2 }),
  );
  if (response.status !== 200) throw new Error(`adding to a cart answered ${response.status}: ${response.text}`);
  const setCookie = response.headers['set-cookie'];
  return (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
}

const cartOf = async (cookie: string) => (await fetch(`${APP_ORIGIN}/api/cart`, { headers: { cookie } })).json();

test('POST /api/cart/items refuses every hostile request; no cart changes, and Stripe hears nothing', async () => {
  const cookie = await newCartBuyer();
  const before = await cartOf(cookie);
  expect(before).toMatchObject({ items: [{ product_id: 'house-blend', quantity: 2 }] });
  const invalidFor = {
    product_id: fc.oneof(strangeValue, fc.constantFrom('tasting-sample', 'gold-bar', 'HOUSE-BLEND', 'house-blend ')),
    // Any quantity but the ones this product may have (0 to its limit of 10): the rest are 400s or 409s.
    quantity: fc
      .oneof(strangeValue, fc.integer({ min: 11, max: 2000 }))
      .filter((value) => !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10)),
  };
  await expectAllRefused(
    '/api/cart/items',
    hostile({ product_id: 'house-blend', quantity: 3 }, invalidFor, cookie),
    /^$/,
  );
  expect(await cartOf(cookie)).toEqual(before);
});
