// The back office's actions on the local Stripe and a fresh database per engine: a plan order records its first
// invoice's payment, so a refund of it made in Stripe's Dashboard reaches the order once, though its webhooks come
// twice; cancelling a plan order (refunding its latest payment once; a trial's $0 first invoice has nothing to
// refund, and no payment to record); and the sign-in limit per address.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { paySession } from '../../emulator/test-helpers';
import { startStorefront } from '@/lib/actions/testing';
import type { Database } from '@/lib/db/client';

process.env.ADMIN_PASSWORD = 'the owner password';
process.env.SMTP_URL = '';

const { h, deliver } = await startStorefront();

const { cancelPlanOrder } = await import('@/lib/actions/cancel-plan');
const { LOGIN_LIMIT, signIn } = await import('@/lib/actions/admin-auth');
const { fulfilCheckout } = await import('@/lib/actions/fulfil-checkout');
const { useDatabase } = await import('@/lib/db/client');
const { findOrderById } = await import('@/lib/db/admin-orders');
const { emailsOfOrder } = await import('@/lib/db/emails');
const { findOrder } = await import('@/lib/db/orders');
const { listOrderRefunds } = await import('@/lib/db/refunds');
const { freshDatabase, testEngines } = await import('@/lib/db/testing');

let monthly: string;
before(async () => {
  const product = await h.stripe.products.create({ name: 'Club' });
  monthly = (
    await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 900,
      recurring: { interval: 'month' },
    })
  ).id;
});
after(() => h.close());

/** A paid plan checkout (with a trial when asked), recorded as an order by fulfilment, as the webhook records it. */
async function planOrder(db: Database, trialDays?: number) {
  const created = await h.stripe.checkout.sessions.create({
    mode: 'subscription',
    ui_mode: 'elements',
    return_url: 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}',
    line_items: [{ price: monthly, quantity: 1 }],
    ...(trialDays && { subscription_data: { trial_period_days: trialDays } }),
  });
  assert.equal((await paySession(h, created)).status, 200);
  const session = await h.stripe.checkout.sessions.retrieve(created.id);
  assert.ok(await fulfilCheckout(session.id, 'webhook'));
  const orderId = (await findOrder(db, session.id))!.orderId;
  return { orderId, subscriptionId: String(session.subscription), invoiceId: String(session.invoice) };
}

for (const engine of testEngines()) {
  describe(`the back office's actions on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      t = await freshDatabase(engine);
      useDatabase(t);
    });
    after(() => t.dispose());

    test("a plan's payment refunded in Stripe's Dashboard reaches its order once, though its webhooks come twice", async () => {
      const { orderId, invoiceId } = await planOrder(t.db);
      // The order records the payment intent that paid its first invoice, as the invoice's payments name it.
      const [payment] = (await h.stripe.invoicePayments.list({ invoice: invoiceId })).data;
      const paymentIntent = String(payment?.payment.payment_intent);
      assert.match(paymentIntent, /^pi_/);
      assert.equal((await findOrderById(t.db, orderId))?.order.paymentIntentId, paymentIntent);

      // The owner refunds part of it in the Dashboard; Stripe sends refund.created and charge.refunded, each twice.
      const refund = await h.stripe.refunds.create({ payment_intent: paymentIntent, amount: 400 });
      const about = (e: { data: { object: object } }) => e.data.object as { id: string; payment_intent?: unknown };
      const events = (await h.stripe.events.list({ limit: 100 })).data.filter(
        (e) =>
          (e.type === 'refund.created' && about(e).id === refund.id) ||
          (e.type === 'charge.refunded' && about(e).payment_intent === paymentIntent),
      );
      assert.deepEqual(events.map((e) => e.type).sort(), ['charge.refunded', 'refund.created']);
      for (const event of [...events, ...events]) assert.equal(await deliver(event), 200);

      const found = await findOrderById(t.db, orderId);
      assert.deepEqual([found?.order.amountRefunded, found?.order.status], [400, 'partially_refunded']);
      assert.deepEqual(
        (await listOrderRefunds(t.db, orderId)).map((r) => [r.refundId, r.amount, r.source, r.restocked]),
        [[refund.id, 400, 'stripe', false]],
      );
      assert.deepEqual(
        (await emailsOfOrder(t.db, orderId)).map((e) => e.kind),
        ['order_confirmation', 'refund_notice'],
      );
    });

    test('cancelling a paid plan order refunds its latest payment, once for a form sent twice', async () => {
      const { orderId, subscriptionId } = await planOrder(t.db);
      const formKey = randomUUID();
      assert.match(
        await cancelPlanOrder({ orderId, refund: true, formKey }),
        /cancelled and \$9\.00 of its latest payment is refunded/,
      );
      assert.match(await cancelPlanOrder({ orderId, refund: true, formKey }), /already refunded/);
      assert.equal((await h.stripe.subscriptions.retrieve(subscriptionId)).status, 'canceled');
      const found = await findOrderById(t.db, orderId);
      assert.deepEqual(
        [found?.order.amountRefunded, found?.order.status, found?.order.canceledAt instanceof Date],
        [900, 'refunded', true],
      );
      const refunds = await h.stripe.refunds.list({ payment_intent: found!.order.paymentIntentId!, limit: 100 });
      assert.deepEqual(
        refunds.data.map((r) => r.amount),
        [900],
      );
    });

    test("a trial's $0 first invoice has no payment to record and nothing to refund", async () => {
      const { orderId, subscriptionId } = await planOrder(t.db, 7);
      assert.equal((await findOrderById(t.db, orderId))?.order.paymentIntentId, null);
      assert.match(
        await cancelPlanOrder({ orderId, refund: true, formKey: randomUUID() }),
        /\$0 \(a free trial\): there is nothing to refund/,
      );
      assert.equal((await h.stripe.subscriptions.retrieve(subscriptionId)).status, 'canceled');
      assert.equal((await findOrderById(t.db, orderId))?.order.amountRefunded, 0);
    });

    test('sign-in: after too many wrong passwords an address is refused even the right one; another address is not', async () => {
      for (let i = 0; i < LOGIN_LIMIT.failures; i++)
        await assert.rejects(signIn('wrong', '203.0.113.7'), { status: 401 });
      await assert.rejects(signIn('the owner password', '203.0.113.7'), { status: 429 });
      assert.match(await signIn('the owner password', '198.51.100.2'), /^\d+\.[\w-]{43}$/);
    });
  });
}
