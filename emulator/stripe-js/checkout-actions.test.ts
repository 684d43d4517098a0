import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { LINE_ITEMS_SERVER_ONLY, SHIPPING_SERVER_ONLY } from './session-actions';
import { loaded } from './test-support/checkout-harness';
import { serverSession } from './test-support/fixtures';
import { StripeApiError } from '../core/errors';

const twoShirts = serverSession();
const threeShirts = serverSession({
  amount_subtotal: 4500,
  amount_total: 5000,
  line_items: { data: [{ ...twoShirts.line_items!.data[0]!, quantity: 3, amount_subtotal: 4500, amount_total: 4500 }] },
});

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('runServerUpdate refetches the session, fires change and resolves success', async () => {
  const { sdk, actions, transport } = await loaded(twoShirts);
  const changes: number[] = [];
  sdk.on('change', (s) => changes.push(s.lineItems[0]!.quantity));
  const result = await actions.runServerUpdate(async () => transport.set(threeShirts));
  assert.equal(result.type, 'success');
  assert.equal(result.type === 'success' && result.session.lineItems[0]?.quantity, 3);
  assert.equal(result.type === 'success' && result.session.canConfirm, true);
  assert.equal(actions.getSession().total.total.amount, '$50.00');
  assert.ok(changes.includes(3));
  assert.deepEqual(
    transport.calls.map((c) => c.op),
    ['get', 'get'],
  );
});

test('runServerUpdate that rejects resolves an error and leaves the session as it was', async () => {
  const { actions, transport } = await loaded(twoShirts);
  const result = await actions.runServerUpdate(async () => {
    transport.set(threeShirts);
    throw new Error('HTTP 500');
  });
  assert.equal(result.type, 'error');
  assert.match(result.type === 'error' ? result.error.message : '', /HTTP 500/);
  assert.equal(actions.getSession().lineItems[0]?.quantity, 2);
  assert.equal(transport.calls.length, 1);
});

test('runServerUpdate times out after 20 seconds on a fake clock', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { actions } = await loaded(twoShirts);
    let settled = false;
    const pending = actions.runServerUpdate(() => new Promise(() => {})).finally(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    mock.timers.tick(19_999);
    await new Promise((r) => setImmediate(r));
    assert.equal(settled, false);
    assert.equal(actions.getSession().canConfirm, false, 'canConfirm is false while an update is pending');
    mock.timers.tick(1);
    const result = await pending;
    assert.equal(result.type, 'error');
    assert.match(result.type === 'error' ? result.error.message : '', /20 seconds/);
    assert.equal(actions.getSession().lineItems[0]?.quantity, 2);
    assert.equal(actions.getSession().canConfirm, true);
  } finally {
    mock.timers.reset();
  }
});

test('actions run one at a time', async () => {
  const { actions, transport } = await loaded(twoShirts);
  const gate = deferred();
  const order: string[] = [];
  const first = actions.runServerUpdate(async () => {
    order.push('server update started');
    await gate.promise;
    order.push('server update finished');
  });
  const second = actions.updateShippingOption('shr_exp').then(() => order.push('shipping option done'));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, ['server update started']);
  assert.equal(transport.calls.filter((c) => c.op === 'update').length, 0);
  gate.resolve();
  await Promise.all([first, second]);
  assert.deepEqual(order, ['server update started', 'server update finished', 'shipping option done']);
  assert.deepEqual(transport.calls.at(-1)?.params, { shipping_rate: 'shr_exp' });
});

test('updateLineItemQuantity is refused when line items are server_only', async () => {
  const { actions, transport } = await loaded(serverSession({ permissions: { update_line_items: 'server_only' } }));
  const result = await actions.updateLineItemQuantity({ lineItem: 'li_1', quantity: 3 });
  assert.deepEqual(result, { type: 'error', error: { code: null, message: LINE_ITEMS_SERVER_ONLY } });
  assert.equal(transport.calls.length, 1);
});

test('updateLineItemQuantity posts the item when the client may update it', async () => {
  const { actions, transport } = await loaded(twoShirts);
  transport.set(threeShirts);
  const result = await actions.updateLineItemQuantity({ lineItem: 'li_1', quantity: 3 });
  assert.equal(result.type === 'success' && result.session.lineItems[0]?.quantity, 3);
  assert.deepEqual(transport.calls.at(-1)?.params, { line_items: [{ id: 'li_1', quantity: 3 }] });
});

test('updateShippingAddress is refused when shipping details are server_only', async () => {
  const { actions, transport } = await loaded(
    serverSession({ permissions: { update_shipping_details: 'server_only' } }),
  );
  const result = await actions.updateShippingAddress({ name: 'Ada', address: { country: 'US' } });
  assert.deepEqual(result, { type: 'error', error: { code: null, message: SHIPPING_SERVER_ONLY } });
  assert.equal(transport.calls.length, 1);
});

test('updateShippingAddress sends shipping_details otherwise', async () => {
  const { actions, transport } = await loaded(twoShirts);
  await actions.updateShippingAddress({ name: 'Ada', address: { country: 'US', line1: '1 Main', city: 'Town' } });
  assert.deepEqual(transport.calls.at(-1)?.params, {
    shipping_details: {
      name: 'Ada',
      address: {
        line1: '1 Main',
        line2: undefined,
        city: 'Town',
        state: undefined,
        postal_code: undefined,
        country: 'US',
      },
    },
  });
});

test('updateEmail validates before sending', async () => {
  const { actions, transport } = await loaded(twoShirts);
  const empty = await actions.updateEmail('');
  assert.equal(empty.type === 'error' && empty.error.code, 'incompleteEmail');
  const invalid = await actions.updateEmail('not-an-email');
  assert.equal(invalid.type === 'error' && invalid.error.code, 'invalidEmail');
  assert.equal(transport.calls.length, 1);
  transport.set(serverSession({ customer_email: 'ada@example.com' }));
  const ok = await actions.updateEmail('ada@example.com');
  assert.equal(ok.type === 'success' && ok.session.email, 'ada@example.com');
});

test('server refusals become error results and leave the session unchanged', async () => {
  const { actions, transport } = await loaded(twoShirts);
  transport.fail = new StripeApiError(400, 'invalid_request_error', 'No such shipping rate: shr_nope', {
    code: 'resource_missing',
  });
  const result = await actions.updateShippingOption('shr_nope');
  assert.deepEqual(result, { type: 'error', error: { code: null, message: 'No such shipping rate: shr_nope' } });
  transport.fail = new StripeApiError(400, 'invalid_request_error', 'The promotion code `BOGUS` is invalid.', {
    code: 'promotion_code_invalid',
  });
  assert.deepEqual(await actions.applyPromotionCode('BOGUS'), {
    type: 'error',
    error: { code: 'invalidCode', message: 'This code is invalid.' },
  });
  transport.fail = new StripeApiError(400, 'invalid_request_error', 'Needs 50.00 USD', {
    code: 'promotion_code_minimum_amount',
  });
  assert.deepEqual(await actions.applyPromotionCode('BIG'), {
    type: 'error',
    error: { code: 'promotionCodeAmountInsufficient', message: 'Needs 50.00 USD' },
  });
  transport.fail = new StripeApiError(400, 'invalid_request_error', 'No promotion codes here', {
    code: 'promotion_codes_not_allowed',
  });
  assert.deepEqual(await actions.applyPromotionCode('ANY'), {
    type: 'error',
    error: { code: null, message: 'No promotion codes here' },
  });
  assert.equal(actions.getSession().shipping?.shippingOption.id, 'shr_std');
});
