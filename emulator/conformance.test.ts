// Every object the local Stripe returns has exactly the keys of its example in Stripe's official
// fixtures (emulator/fixtures/stripe-fixtures.json, a copy of stripe/openapi's fixtures3.json, API
// 2026-07-29.dahlia), except the differences listed in DIFFERENCES with their reason; and wherever
// both the fixture and our object hold a non-null value, the values are of the same JSON type, at
// every depth (a field we leave null that the fixture fills is allowed: most fields are nullable).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  paySession,
  seedCatalog,
  startLocalStripe,
} from './test-helpers';

type Resources = Record<string, Record<string, unknown>>;
const FIXTURES = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/stripe-fixtures.json'), 'utf8')) as {
    resources: Resources;
  }
).resources;

const ENDIVE = 'present in the types of stripe@23 (API 2026-10-28.endive), newer than the fixture (2026-07-29.dahlia)';

/** Keys we return that the fixture lacks (+) or the fixture has that we do not return (-). */
const DIFFERENCES: Record<string, Record<string, string>> = {
  'checkout.session': {
    '+return_url':
      'elements sessions carry return_url (SDK type: optional, present for embedded_page/elements); the fixture is a hosted session',
    '+allowed_payment_method_types': ENDIVE,
  },
  product: { '+tax_details': ENDIVE },
  payment_intent: { '+allowed_payment_method_types': ENDIVE, '+payment_record': ENDIVE },
};

let h: Harness;
let c: Catalog;
const objects: Record<string, unknown> = {};

before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
  const coupon = await h.stripe.coupons.create({
    percent_off: 10,
    duration: 'repeating',
    duration_in_months: 3,
    name: '10 % off',
  });
  const promotionCode = await h.stripe.promotionCodes.create({
    promotion: { type: 'coupon', coupon: coupon.id },
    code: 'FALL10',
    restrictions: { minimum_amount: 100, minimum_amount_currency: 'usd' },
  });
  const pay = await createPaymentSession(h.stripe, {
    line_items: [{ price: c.tee.id, quantity: 1, tax_rates: [c.vat.id] }],
    discounts: [{ promotion_code: promotionCode.id }],
    shipping_options: [{ shipping_rate: c.ground.id }],
    customer_creation: 'always',
    permissions: { update_shipping_details: 'server_only' },
    shipping_address_collection: { allowed_countries: ['US'] },
  });
  await h.stripe.checkout.sessions.update(pay.id, {
    collected_information: {
      shipping_details: {
        name: 'Ada',
        address: { line1: '1 Main St', city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
      },
    },
  });
  const sub = await createPaymentSession(h.stripe, {
    mode: 'subscription',
    line_items: [{ price: c.monthly.id, quantity: 1 }],
  });
  await h.stripe.webhookEndpoints.create({ url: 'http://127.0.0.1:9/none', enabled_events: ['*'] });
  for (const s of [pay, sub]) {
    await paySession(h, s);
  }
  const paid = await h.stripe.checkout.sessions.retrieve(pay.id);
  const subscribed = await h.stripe.checkout.sessions.retrieve(sub.id);
  objects['checkout.session'] = paid;
  objects.item = (await h.stripe.checkout.sessions.listLineItems(pay.id)).data[0];
  objects.discount = (await h.stripe.checkout.sessions.listLineItems(pay.id, { expand: ['data.discounts'] })).data[0]
    ?.discounts?.[0]?.discount;
  objects.coupon = await h.stripe.coupons.retrieve(coupon.id);
  objects.promotion_code = await h.stripe.promotionCodes.retrieve(promotionCode.id);
  objects.price = await h.stripe.prices.retrieve(c.tee.id);
  objects.product = await h.stripe.products.retrieve(String(c.tee.product));
  objects.shipping_rate = await h.stripe.shippingRates.retrieve(c.ground.id);
  objects.tax_rate = await h.stripe.taxRates.retrieve(c.vat.id);
  objects.customer = await h.stripe.customers.retrieve(String(paid.customer));
  objects.payment_intent = await h.stripe.paymentIntents.retrieve(String(paid.payment_intent));
  objects.subscription = await h.stripe.subscriptions.retrieve(String(subscribed.subscription));
  objects.invoice = await h.stripe.invoices.retrieve(String(subscribed.invoice));
  objects.event = (await h.stripe.events.list({ limit: 1 })).data[0];
  objects.webhook_endpoint = (await h.stripe.webhookEndpoints.list()).data[0];
});
after(() => h.close());

function keyDiff(ours: object, fixture: object): string[] {
  const a = new Set(Object.keys(ours));
  const b = new Set(Object.keys(fixture));
  return [
    ...[...a].filter((k) => !b.has(k)).map((k) => `+${k}`),
    ...[...b].filter((k) => !a.has(k)).map((k) => `-${k}`),
  ].sort();
}

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  return kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : 'object';
}

/** Paths (`a.b[0].c`) where ours and the fixture hold non-null values of different JSON types. */
function typeDiff(ours: unknown, fixture: unknown, path = ''): string[] {
  const [mine, theirs] = [kindOf(ours), kindOf(fixture)];
  if (mine === 'null' || theirs === 'null') return [];
  if (mine !== theirs) return [`${path || '(root)'}: ${mine}, fixture ${theirs}`];
  if (mine === 'array') {
    const [first, example] = [(ours as unknown[])[0], (fixture as unknown[])[0]];
    return typeDiff(first, example, `${path}[0]`);
  }
  if (mine !== 'object') return [];
  const fixtureObject = fixture as Record<string, unknown>;
  return Object.entries(ours as Record<string, unknown>).flatMap(([key, value]) =>
    key in fixtureObject ? typeDiff(value, fixtureObject[key], path ? `${path}.${key}` : key) : [],
  );
}

for (const type of [
  'checkout.session',
  'item',
  'price',
  'product',
  'shipping_rate',
  'tax_rate',
  'coupon',
  'promotion_code',
  'discount',
  'customer',
  'payment_intent',
  'subscription',
  'invoice',
  'event',
  'webhook_endpoint',
]) {
  it(`${type} has the keys of its fixture`, () => {
    const ours = objects[type] as Stripe.Response<object> | undefined;
    assert.ok(ours, `no ${type} produced`);
    const plain: Record<string, unknown> = { ...ours };
    delete plain.lastResponse;
    const fixture = FIXTURES[type];
    assert.ok(fixture, `no fixture for ${type}`);
    assert.deepEqual(keyDiff(plain, fixture), Object.keys(DIFFERENCES[type] ?? {}).sort());
  });

  it(`${type} has the value types of its fixture`, () => {
    // As on the wire: the SDK decodes decimal strings into Decimal objects, which serialise back to strings.
    const ours = JSON.parse(JSON.stringify(objects[type])) as Record<string, unknown>;
    delete ours.lastResponse;
    assert.deepEqual(typeDiff(ours, FIXTURES[type]), []);
  });
}

it('nested shapes that the storefront reads match too', () => {
  const session = objects['checkout.session'] as Stripe.Checkout.Session;
  const fixture = FIXTURES['checkout.session'] as Record<string, Record<string, unknown>>;
  for (const key of [
    'total_details',
    'shipping_cost',
    'collected_information',
    'customer_details',
    'automatic_tax',
    'custom_text',
  ]) {
    const ours = session[key as keyof Stripe.Checkout.Session] as object;
    assert.deepEqual(keyDiff(ours, fixture[key] ?? {}), [], key);
  }
  const price = objects.price as Stripe.Price;
  const item = objects.item as Stripe.LineItem;
  assert.deepEqual(keyDiff(item.price ?? {}, FIXTURES.price ?? {}), []);
  assert.deepEqual(keyDiff(price, FIXTURES.price ?? {}), []);
});

it('the type check tells a wrong type from a null one', () => {
  assert.deepEqual(
    typeDiff(
      { amount: '100', customer: null, lines: [{ id: 1 }] },
      { amount: 100, customer: 'cus_1', lines: [{ id: 'li_1' }] },
    ),
    ['amount: string, fixture number', 'lines[0].id: number, fixture string'],
  );
});
