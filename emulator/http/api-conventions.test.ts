import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import { type Catalog, type Harness, seedCatalog, startLocalStripe, stripeError } from '../test-helpers';

let h: Harness;
let c: Catalog;
before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
});
after(() => h.close());

const raw = (path: string, init: RequestInit = {}) => fetch(`${h.url}${path}`, init);

describe('auth', () => {
  it('refuses a missing key, an unknown key, a live key and a publishable key on the secret API', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /did not provide an API key/],
      [{ Authorization: 'Bearer nope' }, /Invalid API Key/],
      [{ Authorization: 'Bearer sk_live_fake' }, /only accepts test mode keys/],
      [{ Authorization: 'Bearer pk_test_123' }, /publishable API key/],
    ];
    for (const [headers, message] of cases) {
      const res = await raw('/v1/products', { headers });
      const body = (await res.json()) as { error: { type: string; message: string } };
      assert.equal(res.status, 401);
      assert.equal(body.error.type, 'invalid_request_error');
      assert.match(body.error.message, message);
      assert.match(res.headers.get('request-id') ?? '', /^req_/);
    }
    const err = await stripeError(
      new Stripe('sk_live_x', { host: '127.0.0.1', port: h.port, protocol: 'http', telemetry: false }).products.list(),
    );
    assert.equal(err.type, 'StripeAuthenticationError');
  });
});

describe('versions and headers', () => {
  it('echoes the SDK pinned version by default and the requested one otherwise', async () => {
    const plain = await raw('/v1/products', { headers: { Authorization: 'Bearer sk_test_1' } });
    assert.equal(plain.headers.get('stripe-version'), Stripe.API_VERSION);
    const basil = await raw('/v1/products', {
      headers: { Authorization: 'Bearer sk_test_1', 'Stripe-Version': '2025-03-31.basil' },
    });
    assert.equal(basil.headers.get('stripe-version'), '2025-03-31.basil');
    const bad = await raw('/v1/products', {
      headers: { Authorization: 'Bearer sk_test_1', 'Stripe-Version': 'yesterday' },
    });
    assert.equal(bad.status, 400);
  });

  it('answers unknown URLs and unknown params in the error envelope', async () => {
    const res = await raw('/v1/nothing_here', { headers: { Authorization: 'Bearer sk_test_1' } });
    assert.equal(res.status, 404);
    assert.match(
      ((await res.json()) as { error: { message: string } }).error.message,
      /Unrecognized request URL \(GET: \/v1\/nothing_here\)/,
    );
    const err = await stripeError(h.stripe.products.create({ name: 'X', colour: 'red' } as never));
    assert.equal(err.message, 'Received unknown parameter: colour');
    assert.equal(err.param, 'colour');
    assert.equal(err.code, 'parameter_unknown');
    assert.match(err.requestId ?? '', /^req_/);
  });

  it('refuses a bad integer with the param named', async () => {
    const res = await raw('/v1/prices', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_1', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'currency=usd&unit_amount=ten&product_data[name]=X',
    });
    const body = (await res.json()) as { error: { param: string; message: string } };
    assert.equal(res.status, 400);
    assert.equal(body.error.param, 'unit_amount');
    assert.match(body.error.message, /Invalid integer: ten/);
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and body', async () => {
    const first = await h.stripe.products.create({ name: 'Once' }, { idempotencyKey: 'key-once' });
    const res = await raw('/v1/products', {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_1',
        'Idempotency-Key': 'key-once',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'name=Once',
    });
    assert.equal(res.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await res.json()) as { id: string }).id, first.id);
    const again = await h.stripe.products.create({ name: 'Once' }, { idempotencyKey: 'key-once' });
    assert.equal(again.id, first.id);
    const all = await h.stripe.products.list({ limit: 100 });
    assert.equal(all.data.filter((p) => p.name === 'Once').length, 1);
  });

  it('refuses the same key with another body', async () => {
    await h.stripe.products.create({ name: 'A' }, { idempotencyKey: 'key-conflict' });
    const err = await stripeError(h.stripe.products.create({ name: 'B' }, { idempotencyKey: 'key-conflict' }));
    assert.equal(err.type, 'StripeIdempotencyError');
    assert.equal(err.statusCode, 400);
    assert.match(err.message, /same parameters/);
    assert.equal((await h.stripe.products.list({ limit: 100 })).data.filter((p) => p.name === 'B').length, 0);
  });
});

describe('lists and expand', () => {
  it('filters prices by lookup keys and expands data.product', async () => {
    const list = await h.stripe.prices.list({ lookup_keys: ['tee', 'mug'], expand: ['data.product'] });
    assert.deepEqual(list.data.map((p) => p.lookup_key).sort(), ['mug', 'tee']);
    assert.deepEqual(list.data.map((p) => (p.product as Stripe.Product).name).sort(), ['Mug', 'Tee']);
    assert.equal(list.url, '/v1/prices');
  });

  it('pages with limit, starting_after, ending_before and has_more', async () => {
    const all = (await h.stripe.shippingRates.list({ limit: 100 })).data.map((r) => r.id);
    const first = await h.stripe.shippingRates.list({ limit: 1 });
    assert.equal(first.has_more, all.length > 1);
    assert.deepEqual(
      first.data.map((r) => r.id),
      [all[0]],
    );
    const next = await h.stripe.shippingRates.list({ limit: 1, starting_after: all[0] });
    assert.deepEqual(
      next.data.map((r) => r.id),
      [all[1]],
    );
    const prev = await h.stripe.shippingRates.list({ limit: 1, ending_before: all[1] });
    assert.deepEqual(
      prev.data.map((r) => r.id),
      [all[0]],
    );
    const seen: string[] = [];
    for await (const rate of h.stripe.shippingRates.list({ limit: 1 })) seen.push(rate.id);
    assert.deepEqual(seen, all);
    const err = await stripeError(h.stripe.products.list({ limit: 101 }));
    assert.equal(err.param, 'limit');
  });

  it('refuses expanding what cannot be expanded', async () => {
    const err = await stripeError(h.stripe.prices.retrieve(c.tee.id, { expand: ['nothing'] }));
    assert.equal(err.param, 'expand');
  });
});

describe('catalog', () => {
  it('moves a lookup key only with transfer_lookup_key', async () => {
    const product = await h.stripe.products.create({ name: 'Hoodie' });
    const v1 = await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 5000,
      lookup_key: 'hoodie',
    });
    const err = await stripeError(
      h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 5500, lookup_key: 'hoodie' }),
    );
    assert.equal(err.param, 'lookup_key');
    const v2 = await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 5500,
      lookup_key: 'hoodie',
      transfer_lookup_key: true,
    });
    assert.equal((await h.stripe.prices.retrieve(v1.id)).lookup_key, null);
    assert.deepEqual(
      (await h.stripe.prices.list({ lookup_keys: ['hoodie'] })).data.map((p) => p.id),
      [v2.id],
    );
  });

  it('updates and filters products, prices, shipping rates and tax rates', async () => {
    const product = await h.stripe.products.create({ name: 'Cap', metadata: { catalog: 'v1', drop: 'x' } });
    const updated = await h.stripe.products.update(product.id, { description: 'Blue', metadata: { drop: '' } });
    assert.equal(updated.description, 'Blue');
    assert.deepEqual(updated.metadata, { catalog: 'v1' });
    await h.stripe.products.update(product.id, { active: false });
    assert.ok(!(await h.stripe.products.list({ active: true, limit: 100 })).data.some((p) => p.id === product.id));
    const price = await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 100,
      recurring: { interval: 'month' },
    });
    assert.equal(price.type, 'recurring');
    assert.equal(price.recurring?.interval_count, 1);
    assert.ok(
      (await h.stripe.prices.list({ product: product.id, type: 'recurring' })).data.some((p) => p.id === price.id),
    );
    const rate = await h.stripe.shippingRates.update(c.ground.id, { metadata: { zone: 'us' } });
    assert.deepEqual(rate.metadata, { zone: 'us' });
    const inclusive = await h.stripe.taxRates.list({ inclusive: true });
    assert.deepEqual(
      inclusive.data.map((t) => t.id),
      [c.vatIncluded.id],
    );
  });
});
