// Issue 14 on the local Stripe: coupons and promotion codes, their application to a session (on
// create, by the buyer's code, or by the server under the preview), the amounts, and redemption.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  paySession,
  stripeError,
  withLocalStripe,
} from '../test-helpers';

let h: Harness;
let c: Catalog;

withLocalStripe((suite) => ({ h, c } = suite));

const codeSession = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  createPaymentSession(h.stripe, {
    line_items: [
      { price: c.tee.id, quantity: 2 },
      { price: c.mug.id, quantity: 1 },
    ],
    allow_promotion_codes: true,
    ...extra,
  });
const apply = (s: Stripe.Checkout.Session, code: string) =>
  h.client('POST', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '', promotion_code: code });

async function promo(
  code: string,
  coupon: Stripe.CouponCreateParams,
  extra: Partial<Stripe.PromotionCodeCreateParams> = {},
) {
  const created = await h.stripe.coupons.create(coupon);
  return h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: created.id }, code, ...extra });
}

describe('coupons and promotion codes', () => {
  it('creates, retrieves, updates, lists and deletes coupons', async () => {
    const pct = await h.stripe.coupons.create({ percent_off: 10, duration: 'once', name: 'Welcome' });
    assert.deepEqual(
      [pct.object, pct.percent_off, pct.amount_off, pct.currency, pct.duration, pct.valid, pct.times_redeemed],
      ['coupon', 10, null, null, 'once', true, 0],
    );
    const off = await h.stripe.coupons.create({
      id: 'FIVE',
      amount_off: 500,
      currency: 'USD',
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 2,
    });
    assert.deepEqual([off.id, off.currency, off.duration_in_months, off.max_redemptions], ['FIVE', 'usd', 3, 2]);
    assert.equal((await h.stripe.coupons.update('FIVE', { name: 'Five off' })).name, 'Five off');
    assert.ok((await h.stripe.coupons.list({ limit: 100 })).data.some((coupon) => coupon.id === 'FIVE'));
    assert.deepEqual(await h.stripe.coupons.del(pct.id).then((d) => [d.id, d.deleted]), [pct.id, true]);
    assert.equal((await stripeError(h.stripe.coupons.retrieve(pct.id))).statusCode, 404);
  });

  it('refuses coupons without exactly one amount, amount_off without currency, months without repeating, a taken id', async () => {
    for (const params of [
      { duration: 'once' },
      { percent_off: 10, amount_off: 5, currency: 'usd' },
      { amount_off: 100 },
      { percent_off: 10, duration_in_months: 2 },
      { id: 'FIVE', percent_off: 1 },
    ] as Stripe.CouponCreateParams[]) {
      assert.equal((await stripeError(h.stripe.coupons.create(params))).statusCode, 400, JSON.stringify(params));
    }
  });

  it('creates promotion codes with the nested promotion[coupon], lists them by code and active', async () => {
    const p = await promo(
      'SPRING5',
      { amount_off: 500, currency: 'usd' },
      { restrictions: { minimum_amount: 3000, minimum_amount_currency: 'usd' } },
    );
    assert.deepEqual(
      [p.object, p.code, p.active, p.promotion.type, p.restrictions.minimum_amount, p.times_redeemed],
      ['promotion_code', 'SPRING5', true, 'coupon', 3000, 0],
    );
    assert.deepEqual(
      (await h.stripe.promotionCodes.list({ code: 'spring5' })).data.map((x) => x.id),
      [p.id],
    );
    await h.stripe.promotionCodes.update(p.id, { active: false });
    assert.deepEqual((await h.stripe.promotionCodes.list({ code: 'SPRING5', active: true })).data, []);
    const taken = await promo('TAKEN', { percent_off: 5 });
    const err = await stripeError(
      h.stripe.promotionCodes.create({
        promotion: { type: 'coupon', coupon: String(taken.promotion.coupon) },
        code: 'TAKEN',
      }),
    );
    assert.equal(err.param, 'code');
  });
});

describe('discounts on a session', () => {
  it('applies a coupon on create before tax, with each line its share and the discounts breakdown', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    const s = await createPaymentSession(h.stripe, {
      line_items: [
        { price: c.tee.id, quantity: 2, tax_rates: [c.vat.id] },
        { price: c.mug.id, quantity: 1 },
      ],
      discounts: [{ coupon: coupon.id }],
      shipping_options: [{ shipping_rate: c.ground.id }],
    });
    assert.deepEqual(s.discounts, [{ coupon: coupon.id, promotion_code: null }]);
    const items = await h.stripe.checkout.sessions.listLineItems(s.id, { expand: ['data.discounts'] });
    // tee: 5000 − 500 = 4500, 8.25 % → 371.25 → 371; mug: 1299 − 130 (129.9) = 1169
    assert.deepEqual(
      items.data.map((i) => [i.amount_subtotal, i.amount_discount, i.amount_tax, i.amount_total]),
      [
        [5000, 500, 371, 4871],
        [1299, 130, 0, 1169],
      ],
    );
    assert.deepEqual(
      items.data[0]?.discounts?.map((d) => [d.amount, d.discount.object, d.discount.source.coupon]),
      [[500, 'discount', coupon.id]],
    );
    assert.deepEqual(
      [s.amount_subtotal, s.total_details?.amount_discount, s.total_details?.amount_tax, s.amount_total],
      [6299, 630, 371, 6040 + 500],
    );
  });

  it('shares an amount_off across lines in proportion, the cents left to the largest remainders', async () => {
    const coupon = await h.stripe.coupons.create({ amount_off: 1000, currency: 'usd' });
    const s = await createPaymentSession(h.stripe, {
      line_items: [
        { price: c.tee.id, quantity: 1 },
        { price: c.mug.id, quantity: 1 },
      ],
      discounts: [{ coupon: coupon.id }],
    });
    // 1000 × 2500 / 3799 = 658.07, 1000 × 1299 / 3799 = 341.93 → 658 + 342
    const items = await h.stripe.checkout.sessions.listLineItems(s.id);
    assert.deepEqual(
      items.data.map((i) => i.amount_discount),
      [658, 342],
    );
    assert.deepEqual([s.total_details?.amount_discount, s.amount_total], [1000, 2799]);
    const big = await h.stripe.coupons.create({ amount_off: 100000, currency: 'usd' });
    const capped = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.mug.id, quantity: 1 }],
      discounts: [{ coupon: big.id }],
    });
    assert.deepEqual([capped.total_details?.amount_discount, capped.amount_total], [1299, 0]);
  });

  it('carries the discount to the subscription and its first invoice', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 50, duration: 'forever' });
    const s = await createPaymentSession(h.stripe, {
      mode: 'subscription',
      line_items: [{ price: c.monthly.id, quantity: 1 }],
      discounts: [{ coupon: coupon.id }],
    });
    assert.equal((await paySession(h, s)).status, 200);
    const done = await h.stripe.checkout.sessions.retrieve(s.id);
    const sub = await h.stripe.subscriptions.retrieve(String(done.subscription));
    const invoice = await h.stripe.invoices.retrieve(String(done.invoice));
    assert.equal(sub.discounts.length, 1);
    assert.deepEqual(
      [invoice.total, invoice.amount_paid, invoice.total_discount_amounts?.[0]?.amount],
      [450, 450, 450],
    );
  });

  it('refuses allow_promotion_codes with discounts, two discounts, and an amount_off in another currency', async () => {
    const coupon = await h.stripe.coupons.create({ percent_off: 10 });
    const both = await stripeError(codeSession({ discounts: [{ coupon: coupon.id }] }));
    assert.equal(both.message, 'You may only specify one of these parameters: allow_promotion_codes, discounts.');
    const two = await stripeError(
      createPaymentSession(h.stripe, {
        line_items: [{ price: c.tee.id, quantity: 1 }],
        discounts: [{ coupon: coupon.id }, { coupon: coupon.id }],
      }),
    );
    assert.equal(two.param, 'discounts');
    const eur = await h.stripe.coupons.create({ amount_off: 100, currency: 'eur' });
    const currency = await stripeError(
      createPaymentSession(h.stripe, {
        line_items: [{ price: c.tee.id, quantity: 1 }],
        discounts: [{ coupon: eur.id }],
      }),
    );
    assert.equal(currency.param, 'discounts[0][coupon]');
  });
});

describe("the buyer's promotion code", () => {
  it('applies a code (any case) and removes it, totals following', async () => {
    const p = await promo('WELCOME10', { percent_off: 10, name: '10 % off' });
    const s = await codeSession();
    const on = await apply(s, 'welcome10');
    assert.equal(on.status, 200);
    assert.deepEqual([on.body.total_details.amount_discount, on.body.amount_total], [630, 5669]);
    assert.deepEqual(
      [on.body.discounts[0].promotion_code.code, on.body.discounts[0].coupon.percent_off],
      ['WELCOME10', 10],
    );
    assert.deepEqual((await h.stripe.checkout.sessions.retrieve(s.id)).discounts, [
      { coupon: String(p.promotion.coupon), promotion_code: p.id },
    ]);
    const off = await apply(s, '');
    assert.deepEqual([off.body.discounts, off.body.amount_total], [[], 6299]);
  });

  it('refuses unknown, inactive, expired and used-up codes as promotion_code_invalid, a short cart as promotion_code_minimum_amount', async () => {
    const inactive = await promo('SLEEPY', { percent_off: 5 }, { active: false });
    assert.equal(inactive.active, false);
    await promo('SOON', { percent_off: 5 }, { expires_at: Math.floor(Date.now() / 1000) + 60 });
    await promo(
      'BIGSPEND',
      { percent_off: 5 },
      { restrictions: { minimum_amount: 10000, minimum_amount_currency: 'usd' } },
    );
    const s = await codeSession();
    for (const code of ['NOPE', 'SLEEPY']) {
      const r = await apply(s, code);
      assert.deepEqual(
        [r.status, r.body.error.code, r.body.error.param],
        [400, 'promotion_code_invalid', 'promotion_code'],
        code,
      );
    }
    const short = await apply(s, 'BIGSPEND');
    assert.equal(short.body.error.code, 'promotion_code_minimum_amount');
    assert.match(short.body.error.message, /100\.00 USD/);
    await h.control('POST', '/_emulator/clock/advance', { seconds: 120 });
    assert.equal((await apply(s, 'SOON')).body.error.code, 'promotion_code_invalid');
    assert.deepEqual((await h.stripe.checkout.sessions.retrieve(s.id)).discounts, []);
  });

  it('counts a redemption when the session completes, and enforces max_redemptions', async () => {
    const p = await promo('ONCEONLY', { percent_off: 20 }, { max_redemptions: 1 });
    const first = await codeSession();
    assert.equal((await apply(first, 'ONCEONLY')).status, 200);
    assert.equal((await paySession(h, first)).status, 200);
    const redeemed = await h.stripe.promotionCodes.retrieve(p.id);
    assert.equal(redeemed.times_redeemed, 1);
    assert.equal((await h.stripe.coupons.retrieve(String(p.promotion.coupon))).times_redeemed, 1);
    const second = await codeSession();
    assert.equal((await apply(second, 'ONCEONLY')).body.error.code, 'promotion_code_invalid');
  });
});
