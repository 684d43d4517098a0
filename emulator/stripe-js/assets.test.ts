import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildStripeJsAssets } from './assets';

test('builds Stripe.js and the Payment Element frame for the local Stripe to serve', async () => {
  const assets = await buildStripeJsAssets();
  assert.deepEqual([...assets.keys()].sort(), [
    '/endive/stripe.js',
    '/v3',
    '/v3/elements/payment-frame.js',
    '/v3/elements/payment.html',
    '/v3/stripe.js',
  ]);
  assert.match(assets.get('/v3/stripe.js')!.body, /endive/);
  assert.match(assets.get('/v3/elements/payment.html')!.body, /src="\/v3\/elements\/payment-frame\.js"/);
  // The bundle must not reach for Stripe's hosts: it talks to the origin it was loaded from.
  assert.doesNotMatch(assets.get('/v3/stripe.js')!.body, /stripe\.com/);
});
