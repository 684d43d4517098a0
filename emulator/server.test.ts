import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createLocalStripe } from './server';
import { buildStripeJsAssets } from './stripe-js/assets';

const AUTH = { Authorization: 'Bearer sk_test_inprocess' };

it('handles requests in-process, with a request id and the injected clock', async () => {
  const local = createLocalStripe({ now: () => Date.UTC(2030, 0, 1) });
  const created = await local.handle({
    method: 'POST',
    path: '/v1/products',
    headers: { ...AUTH, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=Tee',
  });
  assert.equal(created.status, 200);
  assert.match(created.headers['Request-Id'] ?? '', /^req_/);
  const product = JSON.parse(created.body) as { id: string; created: number };
  assert.equal(product.created, Date.UTC(2030, 0, 1) / 1000);
  const read = await local.handle({ method: 'GET', path: `/v1/products/${product.id}`, headers: AUTH, body: '' });
  assert.equal((JSON.parse(read.body) as { id: string }).id, product.id);
  assert.match(local.webhookSecret, /^whsec_/);
});

it('surfaces a dropped connection as a rejection in-process', async () => {
  const local = createLocalStripe();
  await local.handle({
    method: 'POST',
    path: '/_emulator/faults',
    headers: {},
    body: JSON.stringify({ method: 'GET', path: '/v1/products', count: 1, kind: 'drop' }),
  });
  await assert.rejects(
    local.handle({ method: 'GET', path: '/v1/products', headers: AUTH, body: '' }),
    /socket hang up/,
  );
  const log = JSON.parse(
    (await local.handle({ method: 'GET', path: '/_emulator/requests', headers: {}, body: '' })).body,
  ) as { data: { status: number }[] };
  assert.deepEqual(
    log.data.map((e) => e.status),
    [0],
  );
});

it('serves the local Stripe.js assets before auth, with CORS and a short cache', async () => {
  const assets = await buildStripeJsAssets();
  const local = createLocalStripe();
  for (const [path, asset] of assets) {
    const res = await local.handle({ method: 'GET', path, headers: {}, body: '' });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['Content-Type'], asset.contentType);
    assert.equal(res.headers['Access-Control-Allow-Origin'], '*');
    assert.match(res.headers['Cache-Control'] ?? '', /max-age=\d+/);
    assert.equal(res.body, asset.body);
  }
  const missing = await local.handle({ method: 'GET', path: '/v3/nothing.js', headers: {}, body: '' });
  assert.equal(missing.status, 404);
});

it('never answers controls under /v1', async () => {
  const local = createLocalStripe();
  const res = await local.handle({ method: 'POST', path: '/v1/_emulator/reset', headers: AUTH, body: '' });
  assert.equal(res.status, 404);
});
