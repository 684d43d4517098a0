import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  seedCatalog,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

let h: Harness;
let c: Catalog;
before(async () => {
  h = await startLocalStripe();
});
after(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/_emulator/reset');
  c = await seedCatalog(h.stripe);
  await h.control('DELETE', '/_emulator/requests');
});

type Logged = {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  idempotencyKey: string | null;
  requestId: string;
  at: string;
};
const log = async () => (await h.control('GET', '/_emulator/requests')).data as Logged[];

describe('faults', () => {
  it('fails the next matching request with a 500, which the SDK retries by default', async () => {
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    await h.control('DELETE', '/_emulator/requests');
    await h.control('POST', '/_emulator/faults', {
      method: 'POST',
      path: '/v1/checkout/sessions/*',
      count: 1,
      kind: 'error_500',
    });
    const retrying = h.sdk({ maxNetworkRetries: 2 });
    const updated = await retrying.checkout.sessions.update(s.id, { metadata: { try: 'again' } });
    assert.deepEqual(updated.metadata, { try: 'again' });
    const entries = await log();
    assert.deepEqual(
      entries.map((e) => e.status),
      [500, 200],
    );
    assert.equal(entries[0]?.idempotencyKey, entries[1]?.idempotencyKey, 'the retry reuses its idempotency key');
    assert.match(entries[0]?.idempotencyKey ?? '', /^stripe-node-retry-/);
  });

  it('answers a 429 rate_limit_error, then normal service', async () => {
    await h.control('POST', '/_emulator/faults', { method: 'GET', path: '/v1/prices', count: 1, kind: 'error_429' });
    const err = await stripeError(h.stripe.prices.list());
    assert.equal(err.statusCode, 429);
    assert.equal(err.type, 'StripeRateLimitError');
    assert.ok((await h.stripe.prices.list()).data.length > 0);
  });

  it('delays a request, then handles it; GET /_emulator/faults counts the requests it still holds', async () => {
    await h.control('POST', '/_emulator/faults', {
      method: 'POST',
      path: '/v1/products',
      count: 1,
      kind: 'delay',
      delayMs: 300,
    });
    const started = Date.now();
    const creating = h.stripe.products.create({ name: 'Delayed' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await h.control('GET', '/_emulator/faults'), { data: [], delayed: 1 });
    assert.equal((await h.stripe.products.list()).data.filter((p) => p.name === 'Delayed').length, 0, 'not yet made');
    await creating;
    assert.ok(Date.now() - started >= 290);
    assert.equal((await h.control('GET', '/_emulator/faults')).delayed, 0, 'answered, so no longer held');
    assert.ok(((await log()).find((e) => e.method === 'POST')?.durationMs ?? 0) >= 290);
  });

  it('drops the connection (the SDK reports a connection error)', async () => {
    await h.control('POST', '/_emulator/faults', { method: 'GET', path: '/v1/products', count: 2, kind: 'drop' });
    const err = await stripeError(h.stripe.products.list());
    assert.equal(err.type, 'StripeConnectionError');
    await h.control('DELETE', '/_emulator/faults');
    assert.ok(Array.isArray((await h.stripe.products.list()).data));
  });

  it('refuses a malformed fault', async () => {
    const res = await fetch(`${h.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: '/v1/x', kind: 'boom' }),
    });
    assert.equal(res.status, 400);
  });
});

describe('request log and reset', () => {
  it('logs each /v1 request in order with status, key and request id', async () => {
    await h.stripe.products.create({ name: 'Logged' }, { idempotencyKey: 'log-key' });
    await stripeError(h.stripe.products.retrieve('prod_missing'));
    const entries = await log();
    assert.deepEqual(
      entries.map((e) => [e.method, e.path, e.status, e.idempotencyKey]),
      [
        ['POST', '/v1/products', 200, 'log-key'],
        ['GET', '/v1/products/prod_missing', 404, null],
      ],
    );
    assert.match(entries[0]?.requestId ?? '', /^req_/);
    assert.ok(!Number.isNaN(Date.parse(entries[0]?.at ?? '')));
    await h.control('DELETE', '/_emulator/requests');
    assert.deepEqual(await log(), []);
  });

  it('reset clears objects, events, faults and the log', async () => {
    await h.control('POST', '/_emulator/faults', { method: 'GET', path: '/v1/products', count: 5, kind: 'error_500' });
    assert.deepEqual(await h.control('POST', '/_emulator/reset'), { ok: true });
    assert.deepEqual((await h.stripe.prices.list()).data, []);
    assert.deepEqual((await h.stripe.events.list()).data, []);
    assert.deepEqual((await h.stripe.products.list()).data, []);
    assert.equal((await log()).length, 3);
  });
});

describe('clock and expiry', () => {
  it('expires an open session lazily once the clock passes expires_at, with its event', async () => {
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    await h.control('POST', '/_emulator/clock/advance', { seconds: 3600 });
    assert.equal((await h.stripe.checkout.sessions.retrieve(s.id)).status, 'open');
    const advanced = await h.control('POST', '/_emulator/clock/advance', { seconds: 23 * 3600 });
    assert.equal(advanced.now, s.expires_at);
    const back = await h.stripe.checkout.sessions.retrieve(s.id);
    assert.equal(back.status, 'expired');
    const events = (await h.stripe.events.list({ type: 'checkout.session.expired' })).data;
    assert.equal(events.length, 1, 'one event, even after several reads');
    assert.equal((events[0]?.data.object as { id: string }).id, s.id);
    const err = await stripeError(h.stripe.checkout.sessions.update(s.id, { metadata: { a: 'b' } }));
    assert.equal(err.statusCode, 400);
    const view = await h.client('GET', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '' });
    assert.equal(view.body.status, 'expired');
  });

  it('expires a session on request, once', async () => {
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    const expired = await h.stripe.checkout.sessions.expire(s.id);
    assert.equal(expired.status, 'expired');
    const err = await stripeError(h.stripe.checkout.sessions.expire(s.id));
    assert.equal(err.statusCode, 400);
    assert.deepEqual(
      (await h.stripe.checkout.sessions.list({ status: 'expired' })).data.map((x) => x.id),
      [s.id],
    );
  });

  it('honours expires_at within 30 min .. 24 h', async () => {
    const now = Math.floor(Date.now() / 1000);
    const s = await createPaymentSession(h.stripe, {
      expires_at: now + 3600,
      line_items: [{ price: c.tee.id, quantity: 1 }],
    });
    assert.equal(s.expires_at, now + 3600);
    const err = await stripeError(
      createPaymentSession(h.stripe, { expires_at: now + 60, line_items: [{ price: c.tee.id, quantity: 1 }] }),
    );
    assert.equal(err.param, 'expires_at');
  });
});
