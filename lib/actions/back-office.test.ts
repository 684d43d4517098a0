// The back office's actions on the local Stripe and a fresh database: cancelling a plan order (refunding its
// latest payment once; a trial's $0 first invoice has nothing to refund), and the sign-in limit per address.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { paySession, startLocalStripe, type Harness } from '../../emulator/test-helpers';

process.env.STRIPE_SECRET_KEY = '';
process.env.ADMIN_PASSWORD = 'the owner password';
process.env.SMTP_URL = '';

const { cancelPlanOrder } = await import('@/lib/actions/cancel-plan');
const { LOGIN_LIMIT, signIn } = await import('@/lib/actions/admin-auth');
const { useDatabase } = await import('@/lib/db/client');
const { findOrderById } = await import('@/lib/db/admin-orders');
const { recordPaidOrder } = await import('@/lib/db/orders');
const { freshDatabase, paidReceipt } = await import('@/lib/db/testing');

const h: Harness = await startLocalStripe();
process.env.STRIPE_EMULATOR_URL = h.url;
let t: Awaited<ReturnType<typeof freshDatabase>>;
let monthly: string;

before(async () => {
  t = await freshDatabase('pglite');
  useDatabase(t);
  const product = await h.stripe.products.create({ name: 'Club' });
  monthly = (await h.stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 900, recurring: { interval: 'month' } })).id;
});
after(async () => {
  await h.close();
  await t.dispose();
});

/** A paid plan checkout (with a trial when asked), recorded as an order. */
async function planOrder(trialDays?: number) {
  const created = await h.stripe.checkout.sessions.create({
    mode: 'subscription',
    ui_mode: 'elements',
    return_url: 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}',
    line_items: [{ price: monthly, quantity: 1 }],
    ...(trialDays && { subscription_data: { trial_period_days: trialDays } }),
  });
  assert.equal((await paySession(h, created)).status, 200);
  const session = await h.stripe.checkout.sessions.retrieve(created.id);
  const receipt = paidReceipt(session.id, { mode: 'subscription', subscriptionId: String(session.subscription), paymentIntentId: null, items: [{ productId: null, description: 'Club', quantity: 1, unitAmount: trialDays ? 0 : 900 }] });
  const recorded = await recordPaidOrder(t.db, { ...receipt, amountShipping: 0, amountTotal: trialDays ? 0 : 900 }, { recordedBy: 'webhook' });
  return { orderId: recorded!.orderId, subscriptionId: String(session.subscription) };
}

test('cancelling a paid plan order refunds its latest payment, once for a form sent twice', async () => {
  const { orderId, subscriptionId } = await planOrder();
  const formKey = randomUUID();
  assert.match(await cancelPlanOrder({ orderId, refund: true, formKey }), /cancelled and \$9\.00 of its latest payment is refunded/);
  assert.match(await cancelPlanOrder({ orderId, refund: true, formKey }), /already refunded/);
  assert.equal((await h.stripe.subscriptions.retrieve(subscriptionId)).status, 'canceled');
  const found = await findOrderById(t.db, orderId);
  assert.deepEqual([found?.order.amountRefunded, found?.order.status, found?.order.canceledAt instanceof Date], [900, 'refunded', true]);
  const charges = await h.stripe.charges.list({ limit: 100 });
  assert.equal(charges.data.filter((c) => c.amount_refunded > 0).length, 1);
});

test("a trial's $0 first invoice has nothing to refund", async () => {
  const { orderId, subscriptionId } = await planOrder(7);
  assert.match(await cancelPlanOrder({ orderId, refund: true, formKey: randomUUID() }), /\$0 \(a free trial\): there is nothing to refund/);
  assert.equal((await h.stripe.subscriptions.retrieve(subscriptionId)).status, 'canceled');
  assert.equal((await findOrderById(t.db, orderId))?.order.amountRefunded, 0);
});

test('sign-in: after too many wrong passwords an address is refused even the right one; another address is not', async () => {
  for (let i = 0; i < LOGIN_LIMIT.failures; i++) await assert.rejects(signIn('wrong', '203.0.113.7'), { status: 401 });
  await assert.rejects(signIn('the owner password', '203.0.113.7'), { status: 429 });
  assert.match(await signIn('the owner password', '198.51.100.2'), /^\d+\.[\w-]{43}$/);
});
