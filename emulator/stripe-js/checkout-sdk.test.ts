import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStripe } from './stripe-instance';
import { loaded, setup } from './test-support/checkout-harness';
import { CLIENT_SECRET, fakeTransport, serverSession } from './test-support/fixtures';
import { fakeElements } from './test-support/fake-elements';

test('loadActions fetches the session once and exposes it', async () => {
  const { sdk, actions, transport } = await loaded();
  assert.equal(actions.getSession().id, 'cs_test_a1');
  assert.equal(actions.getSession().lineItems[0]?.name, 'T-shirt');
  assert.equal(await sdk.loadActions(), await sdk.loadActions());
  assert.equal(transport.calls.length, 1);
});

test('a client secret promise is awaited', async () => {
  const { sdk } = setup(serverSession(), Promise.resolve(CLIENT_SECRET));
  assert.equal((await sdk.loadActions()).type, 'success');
});

test('a malformed client secret is an error naming the problem', async () => {
  const { sdk, transport } = setup(serverSession(), 'pi_123_secret_abc');
  const result = await sdk.loadActions();
  assert.equal(result.type, 'error');
  assert.match(result.type === 'error' ? result.error.message : '', /Invalid clientSecret.*pi_123_secret_abc/);
  assert.equal(transport.calls.length, 0);
});

test('a missing clientSecret throws at init', () => {
  const { stripe } = setup();
  assert.throws(() => stripe.initCheckoutElementsSdk({} as never), /clientSecret.*required/);
});

test('bad publishable keys throw like Stripe.js', () => {
  const deps = {
    transport: () => fakeTransport(serverSession()),
    elements: fakeElements().factory,
    navigate: () => {},
  };
  assert.throws(() => createStripe('nope', undefined, deps), /Invalid API Key provided: nope/);
  assert.throws(() => createStripe('sk_test_1', undefined, deps), /should not use your secret key/);
  assert.throws(() => createStripe(undefined, undefined, deps), /publishable key/);
});

test('members outside the checkout SDK say they are unsupported', async () => {
  const { stripe, sdk } = setup();
  const confirmCardPayment = stripe.confirmCardPayment as () => Promise<{ error: { message: string } }>;
  assert.match(
    (await confirmCardPayment()).error.message,
    /confirmCardPayment is not supported by the local Stripe.js/,
  );
  assert.throws(() => (stripe.elements as () => void)(), /elements is not supported/);
  assert.throws(() => sdk.createTaxIdElement(), /createTaxIdElement is not supported/);
  const actions = await sdk.loadActions();
  if (actions.type !== 'success') throw new Error('unreachable');
  const result = await actions.actions.addOptionalLineItem('price_x');
  assert.deepEqual(result, {
    type: 'error',
    error: { code: null, message: 'addOptionalLineItem is not supported by the local Stripe.js' },
  });
});
