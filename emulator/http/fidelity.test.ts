// The gaps a client we did not write found (issue 10): each test here failed before its fix.
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

type ErrorBody = { error: { type: string; message: string; param?: string; code?: string; doc_url?: string } };

async function post(path: string, form: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_1', 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: form,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ErrorBody & Record<string, unknown> };
}

const enc = encodeURIComponent;

describe('booleans', () => {
  it('takes true and false in any case, as stripe-python and stripe-dotnet send them', async () => {
    const upper = await post('/v1/products', 'name=Cased&active=False');
    assert.equal(upper.status, 200, JSON.stringify(upper.body));
    assert.equal(upper.body.active, false);
    const shouting = await post(`/v1/products/${String(upper.body.id)}`, 'active=TRUE');
    assert.equal(shouting.body.active, true);
    const bad = await post('/v1/products', 'name=Cased&active=yes');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.message, 'Invalid boolean: yes');
  });
});

describe('a request without a key', () => {
  it('answers 401 with type invalid_request_error', async () => {
    const res = await fetch(`${h.url}/v1/products`);
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, 401);
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /did not provide an API key/);
    // Stripe's tail (issue 21): where to read about authentication, and where to ask.
    assert.match(
      body.error.message,
      /See https:\/\/stripe\.com\/docs\/api#authentication for details, or we can help at https:\/\/support\.stripe\.com\/\.$/,
    );
  });
});

describe('metadata', () => {
  it('takes an all-digit key as a key, not as an array index', async () => {
    const res = await post('/v1/products', `name=Digits&${enc('metadata[0]')}=zero&${enc('metadata[12]')}=twelve`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.metadata, { 0: 'zero', 12: 'twelve' });
    const product = await h.stripe.products.create({ name: 'Digits via SDK', metadata: { '7': 'seven' } });
    assert.deepEqual(product.metadata, { 7: 'seven' });
  });

  it('refuses more than 50 keys, a key over 40 characters and a value over 500', async () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    const tooMany = await stripeError(h.stripe.products.create({ name: 'M', metadata: many }));
    assert.equal(tooMany.message, "Metadata can have up to 50 keys, but you've set 51.");
    assert.equal(tooMany.param, 'metadata');
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const full = await h.stripe.products.create({ name: 'Fifty', metadata: fifty });
    assert.equal(Object.keys(full.metadata).length, 50);
    const oneMore = await stripeError(h.stripe.products.update(full.id, { metadata: { extra: 'x' } }));
    assert.equal(oneMore.param, 'metadata', 'the merged metadata counts');

    const longKey = 'k'.repeat(41);
    const keyErr = await stripeError(h.stripe.products.create({ name: 'K', metadata: { [longKey]: 'v' } }));
    assert.equal(keyErr.message, `Invalid key: ${longKey} must be a string under 40 characters`);
    assert.ok(await h.stripe.products.create({ name: 'K40', metadata: { ['k'.repeat(40)]: 'v' } }));

    const longValue = 'v'.repeat(501);
    const valueErr = await stripeError(h.stripe.products.create({ name: 'V', metadata: { note: longValue } }));
    assert.equal(valueErr.message, `Invalid val: ${longValue} must be a string under 500 characters`);
    assert.equal(valueErr.param, 'metadata');
    assert.ok(await h.stripe.products.create({ name: 'V500', metadata: { note: 'v'.repeat(500) } }));
  });
});

describe('Stripe-Version', () => {
  const versioned = (version: string) =>
    fetch(`${h.url}/v1/products`, { headers: { Authorization: 'Bearer sk_test_1', 'Stripe-Version': version } });

  it('refuses versions and betas that do not exist', async () => {
    for (const version of [
      '2099-01-01.zzz',
      '2025-09-30.acacia',
      '2025-03-31.basil; no_such_beta=v1',
      '2025-03-31.basil; checkout_server_update_beta=v9',
    ]) {
      const res = await versioned(version);
      const body = (await res.json()) as ErrorBody;
      assert.equal(res.status, 400, version);
      assert.match(body.error.message, /^Invalid Stripe API version: /, version);
    }
  });

  it('accepts the version the SDK pins and the known releases', async () => {
    for (const version of [
      Stripe.API_VERSION,
      '2025-03-31.basil',
      '2025-12-15.clover',
      '2026-03-25.dahlia',
      '2025-03-31.preview; checkout_server_update_beta=v1',
    ]) {
      assert.equal((await versioned(version)).status, 200, version);
    }
  });

  const sessionParams = (uiMode: string) => ({
    ui_mode: uiMode as 'elements',
    mode: 'payment' as const,
    return_url: 'https://example.com/return',
    line_items: [{ price: c.tee.id, quantity: 1 }],
  });

  it('takes ui_mode=custom on basil without the beta, and elements from dahlia on', async () => {
    const basil = h.sdk({ apiVersion: '2025-03-31.basil' as never });
    const session = await basil.checkout.sessions.create(sessionParams('custom'));
    assert.equal(session.ui_mode, 'custom');
    assert.equal((await stripeError(basil.checkout.sessions.create(sessionParams('elements')))).param, 'ui_mode');
    const dahlia = h.sdk({ apiVersion: '2026-03-25.dahlia' as never });
    assert.equal((await dahlia.checkout.sessions.create(sessionParams('elements'))).ui_mode, 'elements');
    assert.equal((await stripeError(dahlia.checkout.sessions.create(sessionParams('custom')))).param, 'ui_mode');
  });

  it('updates line items from clover on, or before it under the server-update beta', async () => {
    const basil = h.sdk({ apiVersion: '2025-03-31.basil' as never });
    const session = await basil.checkout.sessions.create(sessionParams('custom'));
    const refused = await stripeError(
      basil.checkout.sessions.update(session.id, { line_items: [{ price: c.mug.id, quantity: 1 }] }),
    );
    assert.equal(refused.message, 'Received unknown parameter: line_items');
    const beta = h.sdk({ apiVersion: '2025-03-31.basil; checkout_server_update_beta=v1;' as never });
    const viaBeta = await beta.checkout.sessions.update(session.id, { line_items: [{ price: c.mug.id, quantity: 1 }] });
    assert.equal(viaBeta.amount_subtotal, c.mug.unit_amount);
    const clover = h.sdk({ apiVersion: '2025-12-15.clover' as never });
    const viaClover = await clover.checkout.sessions.update(session.id, {
      line_items: [{ price: c.tee.id, quantity: 2 }],
    });
    assert.equal(viaClover.amount_subtotal, (c.tee.unit_amount ?? 0) * 2);
  });
});

describe('idempotency keys', () => {
  it('refuses a key over 255 characters and takes one of 255', async () => {
    const tooLong = await post('/v1/products', 'name=Key', { 'Idempotency-Key': 'k'.repeat(256) });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.type, 'invalid_request_error');
    assert.match(tooLong.body.error.message, /Idempotent key length is 256/);
    assert.equal((await post('/v1/products', 'name=Key', { 'Idempotency-Key': 'k'.repeat(255) })).status, 200);
  });
});

describe('doc_url', () => {
  it('points into docs.stripe.com', async () => {
    const err = await post('/v1/products', 'name=X&colour=red');
    assert.equal(err.body.error.doc_url, 'https://docs.stripe.com/error-codes/parameter-unknown');
  });
});
