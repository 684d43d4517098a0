// Charges, refunds, invoice payments and subscription cancellation, through the official SDK against the
// local Stripe, and their objects' keys against Stripe's examples (fixtures/stripe-payments-fixtures.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  paySession,
  stripeError,
  withLocalStripe,
  type Catalog,
  type Harness,
} from '../test-helpers';

const FIXTURES = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/stripe-payments-fixtures.json'), 'utf8')) as {
    resources: Record<string, object>;
  }
).resources;

/** Keys the local Stripe leaves out, with why. */
const LEFT_OUT: Record<string, string[]> = {
  // Expandable only since API 2022-11-15 (not returned by default); the fixture shows it expanded.
  charge: ['refunds'],
  refund: [],
  invoice_payment: [],
};

let h: Harness;
let c: Catalog;
withLocalStripe((suite) => ({ h, c } = suite));

async function paidPayment(quantity = 2): Promise<{ session: Stripe.Checkout.Session; pi: Stripe.PaymentIntent }> {
  const created = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity }] });
  assert.equal((await paySession(h, created)).status, 200);
  const session = await h.stripe.checkout.sessions.retrieve(created.id);
  const pi = await h.stripe.paymentIntents.retrieve(String(session.payment_intent), { expand: ['latest_charge'] });
  return { session, pi };
}

const chargeOf = (pi: Stripe.PaymentIntent) => pi.latest_charge as Stripe.Charge;

function keyDiff(ours: object, type: string): string[] {
  const fixture = FIXTURES[type] ?? {};
  const plain = Object.keys(ours).filter((key) => key !== 'lastResponse');
  const missing = Object.keys(fixture).filter((key) => !plain.includes(key) && !(LEFT_OUT[type] ?? []).includes(key));
  return [...plain.filter((key) => !(key in fixture)).map((k) => `+${k}`), ...missing.map((k) => `-${k}`)];
}

describe('charges', () => {
  it("a paid payment intent's latest charge is a retrievable succeeded charge for the whole amount", async () => {
    const { pi } = await paidPayment();
    const charge = chargeOf(pi);
    assert.equal(charge.object, 'charge');
    assert.equal(charge.status, 'succeeded');
    assert.equal(charge.amount, pi.amount);
    assert.equal(charge.payment_intent, pi.id);
    assert.deepEqual([charge.amount_refunded, charge.refunded], [0, false]);
    assert.equal((await h.stripe.charges.retrieve(charge.id)).id, charge.id);
    assert.deepEqual(
      (await h.stripe.charges.list({ payment_intent: pi.id })).data.map((ch) => ch.id),
      [charge.id],
    );
    assert.deepEqual(keyDiff(charge, 'charge'), []);
  });
});

describe('refunds', () => {
  it('partial refunds add up on the charge until it is fully refunded, then more is refused', async () => {
    const { pi } = await paidPayment();
    const first = await h.stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1000,
      reason: 'requested_by_customer',
    });
    assert.deepEqual(
      [first.status, first.amount, first.payment_intent, first.charge],
      ['succeeded', 1000, pi.id, chargeOf(pi).id],
    );
    assert.deepEqual(keyDiff(first, 'refund'), []);
    let charge = await h.stripe.charges.retrieve(chargeOf(pi).id);
    assert.deepEqual([charge.amount_refunded, charge.refunded], [1000, false]);

    const tooMuch = await stripeError(h.stripe.refunds.create({ charge: charge.id, amount: pi.amount }));
    assert.equal(tooMuch.code, 'amount_too_large');
    assert.match(
      tooMuch.message,
      /Refund amount \(\$50\.00\) is greater than unrefunded amount on charge \(\$40\.00\)/,
    );

    const rest = await h.stripe.refunds.create({ charge: charge.id });
    assert.equal(rest.amount, pi.amount - 1000);
    charge = await h.stripe.charges.retrieve(charge.id);
    assert.deepEqual([charge.amount_refunded, charge.refunded], [pi.amount, true]);
    const again = await stripeError(h.stripe.refunds.create({ payment_intent: pi.id, amount: 1 }));
    assert.equal(again.code, 'charge_already_refunded');
    assert.deepEqual(
      (await h.stripe.refunds.list({ payment_intent: pi.id })).data.map((r) => r.id),
      [rest.id, first.id],
    );
  });

  it('the same Idempotency-Key refunds once and replays the first refund', async () => {
    const { pi } = await paidPayment();
    const key = `refund-${pi.id}`;
    const one = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 500 }, { idempotencyKey: key });
    const two = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 500 }, { idempotencyKey: key });
    assert.equal(two.id, one.id);
    assert.equal((await h.stripe.charges.retrieve(chargeOf(pi).id)).amount_refunded, 500);
    assert.equal((await h.stripe.refunds.list({ payment_intent: pi.id })).data.length, 1);
  });

  it('emits refund.created and charge.refunded (with the new amount), and refund.updated on an update', async () => {
    const { pi } = await paidPayment();
    const refund = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 700 });
    await h.stripe.refunds.update(refund.id, { metadata: { note: 'damaged' } });
    const events = (await h.stripe.events.list({ limit: 5 })).data;
    const ofType = (type: string) =>
      events.find((e) => e.type === type)?.data.object as { id: string; amount_refunded?: number; metadata?: object };
    assert.equal(ofType('refund.created').id, refund.id);
    assert.equal(ofType('charge.refunded').amount_refunded, 700);
    assert.deepEqual(ofType('refund.updated').metadata, { note: 'damaged' });
  });

  it('refuses a refund with neither target, an unknown payment intent, and a charge of another payment', async () => {
    const { pi } = await paidPayment(1);
    const { pi: other } = await paidPayment(1);
    assert.equal((await stripeError(h.stripe.refunds.create({ amount: 1 }))).statusCode, 400);
    assert.equal(
      (await stripeError(h.stripe.refunds.create({ payment_intent: 'pi_missing' }))).code,
      'resource_missing',
    );
    assert.equal(
      (await stripeError(h.stripe.refunds.create({ payment_intent: pi.id, charge: chargeOf(other).id }))).param,
      'payment_intent',
    );
    assert.equal((await h.stripe.charges.retrieve(chargeOf(other).id)).amount_refunded, 0);
  });
});

describe('subscriptions', () => {
  it("a paid subscription's first invoice has a payment that can be refunded, and cancelling ends it", async () => {
    const created = await createPaymentSession(h.stripe, {
      mode: 'subscription',
      line_items: [{ price: c.monthly.id, quantity: 1 }],
    });
    await paySession(h, created);
    const session = await h.stripe.checkout.sessions.retrieve(created.id);
    const sub = await h.stripe.subscriptions.retrieve(String(session.subscription));
    const payments = await h.stripe.invoicePayments.list({ invoice: String(sub.latest_invoice) });
    assert.equal(payments.data.length, 1);
    const payment = payments.data[0]!;
    assert.deepEqual(keyDiff(payment, 'invoice_payment'), []);
    assert.equal(payment.amount_paid, 900);
    const refund = await h.stripe.refunds.create({ payment_intent: String(payment.payment.payment_intent) });
    assert.equal(refund.amount, 900);

    const canceled = await h.stripe.subscriptions.cancel(sub.id);
    assert.equal(canceled.status, 'canceled');
    assert.equal(canceled.cancellation_details?.reason, 'cancellation_requested');
    assert.equal((await h.stripe.subscriptions.retrieve(sub.id)).status, 'canceled');
    const deleted = (await h.stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 })).data[0];
    assert.equal((deleted?.data.object as Stripe.Subscription | undefined)?.id, sub.id);
    assert.equal((await stripeError(h.stripe.subscriptions.cancel(sub.id))).statusCode, 400);
  });
});
