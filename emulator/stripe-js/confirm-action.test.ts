import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loaded } from './test-support/checkout-harness';
import { serverSession } from './test-support/fixtures';
import { StripeApiError } from '../core/errors';

async function withPayment(overrides = {}) {
  const parts = await loaded(serverSession({ customer_email: 'ada@example.com', ...overrides }));
  parts.sdk.createPaymentElement();
  showTotal(parts.actions);
  return parts;
}

// What a checkout page does before it offers Pay: display the total (Stripe.js insists).
function showTotal(actions: { getSession(): { total: { total: { amount: string } } } }) {
  return actions.getSession().total.total.amount;
}

test('confirm before the page read the total throws, as Stripe.js does', async () => {
  const parts = await loaded(serverSession({ customer_email: 'ada@example.com' }));
  parts.sdk.createPaymentElement();
  parts.elements.payment.complete = true;
  await assert.rejects(parts.actions.confirm(), /never read the total/);
  assert.equal(parts.elements.payment.confirmRequests.length, 0);
  assert.equal(showTotal(parts.actions), '$35.00');
  parts.elements.payment.answer = async () => serverSession({ status: 'complete', payment_status: 'paid' });
  assert.equal((await parts.actions.confirm()).type, 'success');
});

test('confirm without a Payment Element is an error', async () => {
  const { actions } = await loaded();
  showTotal(actions);
  const result = await actions.confirm();
  assert.match(result.type === 'error' ? result.error.message : '', /Payment Element/);
});

test('an incomplete card is refused before anything is sent', async () => {
  const { actions, elements } = await withPayment();
  const result = await actions.confirm();
  assert.deepEqual(result, { type: 'error', error: { code: null, message: 'Your card number is incomplete.' } });
  assert.equal(elements.payment.confirmRequests.length, 0);
});

test('a decline resolves paymentFailed with the decline code', async () => {
  const { actions, elements, navigations } = await withPayment();
  elements.payment.complete = true;
  elements.payment.answer = async () => {
    throw new StripeApiError(402, 'card_error', 'Your card has insufficient funds.', {
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
  };
  const result = await actions.confirm();
  assert.deepEqual(result, {
    type: 'error',
    error: {
      code: 'paymentFailed',
      message: 'Your card has insufficient funds.',
      paymentFailed: { declineCode: 'insufficient_funds' },
    },
  });
  assert.deepEqual(navigations, []);
  assert.equal(actions.getSession().status.type, 'open');
});

test('a success redirects to the return URL with the session id', async () => {
  const { actions, elements, navigations } = await withPayment();
  elements.payment.complete = true;
  elements.payment.answer = async () => serverSession({ status: 'complete', payment_status: 'paid' });
  const result = await actions.confirm();
  assert.equal(result.type, 'success');
  assert.deepEqual(navigations, ['https://shop.example/return?session_id=cs_test_a1']);
  assert.deepEqual(elements.payment.confirmRequests[0], {
    clientSecret: 'cs_test_a1_secret_xyz',
    email: 'ada@example.com',
    expectedAmount: 3500,
    shipping: null,
    billingName: null,
  });
  assert.deepEqual(actions.getSession().status, { type: 'complete', paymentStatus: 'paid' });
});

test("redirect: 'if_required' resolves the completed session without navigating", async () => {
  const { actions, elements, navigations } = await withPayment();
  elements.payment.complete = true;
  elements.payment.answer = async () => serverSession({ status: 'complete', payment_status: 'paid' });
  const result = await actions.confirm({ redirect: 'if_required', email: 'bob@example.com' });
  assert.equal(result.type === 'success' && result.session.status.type, 'complete');
  assert.equal(elements.payment.confirmRequests[0]?.email, 'bob@example.com');
  assert.deepEqual(navigations, []);
});

test('confirm needs an email', async () => {
  const { actions, elements } = await withPayment({ customer_email: null });
  elements.payment.complete = true;
  const result = await actions.confirm();
  assert.match(result.type === 'error' ? result.error.message : '', /email address is required/);
});

test('the Payment Element completeness drives canConfirm and change', async () => {
  const { sdk, actions, elements } = await loaded();
  const seen: boolean[] = [];
  sdk.on('change', (s) => seen.push(s.canConfirm));
  sdk.createPaymentElement();
  elements.payment.host?.setPaymentComplete(false);
  assert.equal(actions.getSession().canConfirm, false);
  elements.payment.host?.setPaymentComplete(true);
  assert.equal(actions.getSession().canConfirm, true);
  assert.deepEqual(seen, [false, true]);
});
