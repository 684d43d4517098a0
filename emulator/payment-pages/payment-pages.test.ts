import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  cardForm,
  createPaymentSession,
  type Catalog,
  type Harness,
  SEED_VERSION,
  seedCatalog,
  startLocalStripe,
} from '../test-helpers';

let h: Harness;
let c: Catalog;
let s: Stripe.Checkout.Session;
let secret: string;
const path = () => `/v1/payment_pages/${s.id}`;
const card = (number: string, extra: Record<string, string> = {}) => cardForm(secret, number, extra);

before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
});
after(() => h.close());
beforeEach(async () => {
  s = await createPaymentSession(h.stripe, {
    line_items: [
      { price: c.tee.id, quantity: 1, adjustable_quantity: { enabled: true, minimum: 1, maximum: 3 } },
      { price: c.mug.id, quantity: 1 },
    ],
    shipping_options: [{ shipping_rate: c.ground.id }, { shipping_rate: c.express.id }],
  });
  secret = s.client_secret ?? '';
});

describe('payment_pages: the view Stripe.js reads', () => {
  it('returns the session with line items and shipping rates expanded, with CORS', async () => {
    const res = await h.client('GET', path(), { client_secret: secret });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.body.id, s.id);
    assert.equal(res.body.object, 'checkout.session');
    assert.deepEqual(
      res.body.line_items.data.map((i: Stripe.LineItem) => i.price?.id),
      [c.tee.id, c.mug.id],
    );
    assert.equal(res.body.shipping_options[1].shipping_rate.display_name, 'Express');
    assert.equal(res.body.amount_total, s.amount_total);
    assert.equal(res.body.publishable, undefined);
  });

  it('answers a preflight', async () => {
    const res = await fetch(`${h.url}${path()}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  });

  it('hides the session behind a wrong client secret, and refuses secret keys', async () => {
    const res = await h.client('GET', path(), { client_secret: `${s.id}_secret_wrong` });
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'resource_missing');
    const withSecretKey = await fetch(`${h.url}${path()}?client_secret=${secret}`, {
      headers: { Authorization: 'Bearer sk_test_x' },
    });
    assert.equal(withSecretKey.status, 401);
  });
});

describe('payment_pages: buyer updates', () => {
  it('selects a shipping rate, sets the email, changes an adjustable quantity', async () => {
    const items = await h.stripe.checkout.sessions.listLineItems(s.id);
    const res = await h.client('POST', path(), {
      client_secret: secret,
      shipping_rate: c.express.id,
      email: 'ada@example.com',
      'line_items[0][id]': items.data[0]?.id ?? '',
      'line_items[0][quantity]': '3',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const back = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['line_items'] });
    assert.equal(back.shipping_cost?.shipping_rate, c.express.id);
    assert.equal(back.line_items?.data[0]?.quantity, 3);
    assert.equal(back.amount_total, 3 * 2500 + 1299 + 1500);
    assert.equal(back.customer_details?.email, 'ada@example.com');
    assert.equal(res.body.amount_total, back.amount_total);
  });

  it('refuses quantity changes outside bounds or on items without adjustable_quantity', async () => {
    const items = (await h.stripe.checkout.sessions.listLineItems(s.id)).data;
    for (const [i, quantity] of [
      [0, '4'],
      [1, '2'],
    ] as const) {
      const res = await h.client('POST', path(), {
        client_secret: secret,
        'line_items[0][id]': items[i]?.id ?? '',
        'line_items[0][quantity]': quantity,
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.type, 'invalid_request_error');
      assert.equal(res.body.error.param, 'line_items[0][quantity]');
    }
    assert.deepEqual(
      (await h.stripe.checkout.sessions.listLineItems(s.id)).data.map((i) => i.quantity),
      [1, 1],
    );
  });

  it('removes an item the buyer sets to 0, but never the only remaining one', async () => {
    const session = await createPaymentSession(h.stripe, {
      line_items: [
        { price: c.tee.id, quantity: 1, adjustable_quantity: { enabled: true } },
        { price: c.mug.id, quantity: 2, adjustable_quantity: { enabled: true } },
      ],
    });
    const [tee, mug] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
    const at = `/v1/payment_pages/${session.id}`;
    const form = (id: string) => ({
      client_secret: session.client_secret ?? '',
      'line_items[0][id]': id,
      'line_items[0][quantity]': '0',
    });

    const removed = await h.client('POST', at, form(tee?.id ?? ''));
    assert.equal(removed.status, 200);
    assert.deepEqual(
      removed.body.line_items.data.map((i: { id: string }) => i.id),
      [mug?.id],
    );
    const back = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    assert.deepEqual(
      back.line_items?.data.map((i) => i.id),
      [mug?.id],
    );
    assert.equal(back.amount_subtotal, 2 * c.mug.unit_amount!);

    const last = await h.client('POST', at, form(mug?.id ?? ''));
    assert.equal(last.status, 400);
    assert.equal(last.body.error.param, 'line_items[0][quantity]');
    assert.deepEqual(
      (await h.stripe.checkout.sessions.listLineItems(session.id)).data.map((i) => i.quantity),
      [2],
    );
  });

  it('refuses a shipping rate that is not offered, and a promotion code without allow_promotion_codes', async () => {
    const other = await h.stripe.shippingRates.create({
      display_name: 'Other',
      type: 'fixed_amount',
      fixed_amount: { amount: 1, currency: 'usd' },
    });
    const rate = await h.client('POST', path(), { client_secret: secret, shipping_rate: other.id });
    assert.equal(rate.status, 400);
    assert.equal(rate.body.error.param, 'shipping_rate');
    const promo = await h.client('POST', path(), { client_secret: secret, promotion_code: 'SAVE10' });
    assert.equal(promo.status, 400);
    assert.equal(promo.body.error.code, 'promotion_codes_not_allowed');
    assert.equal((await h.stripe.checkout.sessions.retrieve(s.id)).shipping_cost?.shipping_rate, c.ground.id);
  });

  it('refuses client-side line item changes when update_line_items is server_only (seed profile)', async () => {
    const seed = h.sdk({ apiVersion: SEED_VERSION as never });
    const session = await seed.checkout.sessions.create({
      ui_mode: 'custom' as 'elements',
      permissions: { update_line_items: 'server_only', update_shipping_details: 'server_only' } as never,
      mode: 'payment',
      return_url: 'https://example.com/return',
      line_items: [{ price: c.tee.id, quantity: 1, adjustable_quantity: { enabled: true } }],
    });
    const item = (await seed.checkout.sessions.listLineItems(session.id)).data[0];
    const res = await h.client('POST', `/v1/payment_pages/${session.id}`, {
      client_secret: session.client_secret ?? '',
      'line_items[0][id]': item?.id ?? '',
      'line_items[0][quantity]': '2',
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.type, 'invalid_request_error');
    assert.match(res.body.error.message, /server/);
    const shipping = await h.client('POST', `/v1/payment_pages/${session.id}`, {
      client_secret: session.client_secret ?? '',
      'shipping_details[name]': 'Ada',
      'shipping_details[address][line1]': '1 Main',
      'shipping_details[address][country]': 'US',
    });
    assert.equal(shipping.status, 400);
    const back = await seed.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    assert.equal(back.line_items?.data[0]?.quantity, 1);
    assert.equal(back.collected_information?.shipping_details, null);
  });
});

describe('payment_pages: confirm', () => {
  it('completes a payment session with 4242: payment intent, buyer details, events', async () => {
    const res = await h.client(
      'POST',
      `${path()}/confirm`,
      card('4242424242424242', { 'payment_method_data[billing_details][name]': 'Ada Lovelace' }),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const back = await h.stripe.checkout.sessions.retrieve(s.id);
    assert.equal(back.status, 'complete');
    assert.equal(back.payment_status, 'paid');
    const pi = await h.stripe.paymentIntents.retrieve(String(back.payment_intent));
    assert.equal(pi.status, 'succeeded');
    assert.equal(pi.amount, back.amount_total);
    // customer_creation defaults to if_required in payment mode: no Customer, the buyer is in customer_details.
    assert.equal(back.customer, null);
    assert.equal(pi.customer, null);
    assert.equal(back.customer_details?.email, 'buyer@example.com');
    assert.equal(back.customer_details?.name, 'Ada Lovelace');
    const events = await h.stripe.events.list({ type: 'checkout.session.completed' });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === s.id);
    assert.ok(event, 'checkout.session.completed recorded');
    assert.equal((event.data.object as Stripe.Checkout.Session).payment_status, 'paid');
    const again = await h.client('POST', `${path()}/confirm`, card('4242424242424242'));
    assert.equal(again.status, 400, 'a completed session cannot be paid twice');
  });

  it('creates a Customer for a payment session only with customer_creation=always', async () => {
    const always = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.tee.id, quantity: 1 }],
      customer_creation: 'always',
    });
    const res = await h.client('POST', `/v1/payment_pages/${always.id}/confirm`, cardForm(always.client_secret ?? ''));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const back = await h.stripe.checkout.sessions.retrieve(always.id);
    const customer = await h.stripe.customers.retrieve(String(back.customer));
    assert.equal((customer as Stripe.Customer).email, 'buyer@example.com');
    assert.equal((await h.stripe.paymentIntents.retrieve(String(back.payment_intent))).customer, customer.id);
  });

  it('completes a subscription session: subscription, paid invoice, events', async () => {
    const sub = await createPaymentSession(h.stripe, {
      mode: 'subscription',
      line_items: [{ price: c.monthly.id, quantity: 2 }],
    });
    secret = sub.client_secret ?? '';
    const res = await h.client('POST', `/v1/payment_pages/${sub.id}/confirm`, card('4242424242424242'));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const back = await h.stripe.checkout.sessions.retrieve(sub.id);
    const subscription = await h.stripe.subscriptions.retrieve(String(back.subscription));
    assert.equal(subscription.status, 'active');
    assert.equal(subscription.items.data[0]?.quantity, 2);
    const invoice = await h.stripe.invoices.retrieve(String(back.invoice));
    assert.equal(invoice.status, 'paid');
    assert.equal(invoice.amount_paid, 1800);
    const types = (await h.stripe.events.list({ limit: 10 })).data.map((e) => e.type);
    for (const t of ['customer.subscription.created', 'invoice.paid', 'checkout.session.completed'])
      assert.ok(types.includes(t as never), t);
  });

  const declines: [string, () => Record<string, string>, number, string, string | undefined, string][] = [
    [
      'insufficient funds',
      () => card('4000000000009995'),
      402,
      'card_declined',
      'insufficient_funds',
      'Your card has insufficient funds.',
    ],
    [
      'generic decline',
      () => card('4000000000000002'),
      402,
      'card_declined',
      'generic_decline',
      'Your card was declined.',
    ],
    [
      'a number failing Luhn',
      () => card('4242424242424241'),
      402,
      'incorrect_number',
      undefined,
      'Your card number is incorrect.',
    ],
    [
      'a past expiry year',
      () => card('4242424242424242', { 'payment_method_data[card][exp_year]': '2001' }),
      402,
      'invalid_expiry_year',
      undefined,
      "Your card's expiration year is invalid.",
    ],
    [
      'a bad month',
      () => card('4242424242424242', { 'payment_method_data[card][exp_month]': '13' }),
      402,
      'invalid_expiry_month',
      undefined,
      "Your card's expiration month is invalid.",
    ],
    [
      'a short CVC',
      () => card('4242424242424242', { 'payment_method_data[card][cvc]': '12' }),
      402,
      'invalid_cvc',
      undefined,
      "Your card's security code is invalid.",
    ],
  ];
  for (const [name, params, status, code, decline, message] of declines) {
    it(`refuses ${name} and leaves the session open`, async () => {
      const res = await h.client('POST', `${path()}/confirm`, params());
      assert.equal(res.status, status);
      assert.equal(res.body.error.type, 'card_error');
      assert.equal(res.body.error.code, code);
      assert.equal(res.body.error.decline_code, decline);
      assert.equal(res.body.error.message, message);
      const back = await h.stripe.checkout.sessions.retrieve(s.id);
      assert.equal(back.status, 'open');
      assert.equal(back.payment_intent, null);
    });
  }

  it('refuses a confirm whose expected_amount is stale, or without an email', async () => {
    const stale = await h.client('POST', `${path()}/confirm`, card('4242424242424242', { expected_amount: '1' }));
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.param, 'expected_amount');
    const noEmail: Record<string, string> = card('4242424242424242');
    delete noEmail.email;
    const missing = await h.client('POST', `${path()}/confirm`, noEmail);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.param, 'email');
    assert.equal((await h.stripe.checkout.sessions.retrieve(s.id)).status, 'open');
  });
});
