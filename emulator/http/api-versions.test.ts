// Every published API version is accepted, in its own shape where the local Stripe knows the
// difference (issue 21, N1 and N2); a made-up date is still refused.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PUBLISHED_API_VERSIONS } from '../core/api-versions';
import { type Catalog, type Harness, withLocalStripe } from '../test-helpers';

let h: Harness;
let c: Catalog;
withLocalStripe((suite) => ({ h, c } = suite));

async function raw(
  method: 'GET' | 'POST',
  path: string,
  version: string,
  form = '',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields one by one
): Promise<{ status: number; body: any; version: string | null }> {
  const res = await fetch(`${h.url}${path}${method === 'GET' && form ? `?${form}` : ''}`, {
    method,
    headers: {
      Authorization: 'Bearer sk_test_1',
      'Content-Type': 'application/x-www-form-urlencoded',
      'Stripe-Version': version,
    },
    body: method === 'POST' ? form : undefined,
  });
  return { status: res.status, body: await res.json(), version: res.headers.get('Stripe-Version') };
}

describe('the published API versions', () => {
  it('are each accepted, echoed back, and answer a create and a list', async () => {
    for (const version of ['2011-01-01', '2022-11-15', '2024-06-20', '2024-09-30.acacia', '2025-03-01.dashboard']) {
      const created = await raw('POST', '/v1/products', version, 'name=Versioned');
      assert.equal(created.status, 200, `${version}: ${JSON.stringify(created.body)}`);
      assert.equal(created.version, version);
      assert.equal(created.body.name, 'Versioned');
    }
    for (const version of PUBLISHED_API_VERSIONS) {
      const listed = await raw('GET', '/v1/prices', version, 'limit=1');
      assert.equal(listed.status, 200, version);
      assert.equal(listed.body.object, 'list');
    }
  });

  it('refuses a made-up date, and a real date with a release name it never had', async () => {
    for (const version of ['2011-01-02', '2023-01-01', '2022-11-15.basil', '2024-06-20; no_beta=v1']) {
      const res = await raw('GET', '/v1/products', version);
      assert.equal(res.status, 400, version);
      assert.match(res.body.error.message, /^Invalid Stripe API version: /);
    }
  });

  it('creates a Checkout Session under 2022-11-15, as stripe-python pinned to it does', async () => {
    // ui_mode custom: the local Stripe emulates Elements sessions only, whatever the version.
    const form = new URLSearchParams({
      mode: 'payment',
      ui_mode: 'custom',
      return_url: 'https://shop.example/ok',
      'line_items[0][price]': c.tee.id,
      'line_items[0][quantity]': '2',
    }).toString();
    const res = await raw('POST', '/v1/checkout/sessions', '2022-11-15', form);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const read = await raw('GET', `/v1/checkout/sessions/${res.body.id}`, '2022-11-15');
    assert.equal(read.body.amount_subtotal, (c.tee.unit_amount ?? 0) * 2);
  });
});

describe('a coupon under each version (N2)', () => {
  let coupon: string;
  let promo: string;
  before(async () => {
    coupon = (await h.stripe.coupons.create({ percent_off: 10, duration: 'once' })).id;
    promo = (await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon }, code: 'TENOFF' })).id;
  });

  it('expands promotion.coupon from clover on (ids of coupons have no prefix)', async () => {
    assert.doesNotMatch(coupon, /_/, 'a coupon id has no prefix');
    const plain = await h.stripe.promotionCodes.retrieve(promo);
    assert.equal(plain.promotion.coupon, coupon);
    const expanded = await h.stripe.promotionCodes.retrieve(promo, { expand: ['promotion.coupon'] });
    assert.equal(typeof expanded.promotion.coupon, 'object');
    assert.equal((expanded.promotion.coupon as { id: string; percent_off: number }).percent_off, 10);
    const listed = await h.stripe.promotionCodes.list({ code: 'TENOFF', expand: ['data.promotion.coupon'] });
    assert.equal((listed.data[0]?.promotion.coupon as { id: string }).id, coupon);
  });

  it('shows the coupon object as `coupon` before clover, with no `promotion`', async () => {
    for (const version of ['2025-08-27.basil', '2022-11-15', '2020-08-27']) {
      const res = await raw('GET', `/v1/promotion_codes/${promo}`, version);
      assert.equal(res.status, 200, version);
      assert.equal(res.body.coupon.id, coupon, version);
      assert.equal(res.body.coupon.object, 'coupon');
      assert.equal(res.body.promotion, undefined, version);
      assert.equal(
        (await raw('GET', `/v1/promotion_codes/${promo}`, version, 'expand[]=coupon')).body.coupon.id,
        coupon,
      );
    }
    const current = await raw('GET', `/v1/promotion_codes/${promo}`, '2025-09-30.clover');
    assert.equal(current.body.promotion.coupon, coupon);
    assert.equal(current.body.coupon, undefined);
  });

  it('shows a discount’s coupon as source.coupon from clover on, and as a `coupon` object before', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'elements',
      return_url: 'https://shop.example/r',
      line_items: [{ price: c.tee.id, quantity: 1 }],
      discounts: [{ promotion_code: promo }],
    });
    const expand = ['line_items.data.discounts', 'discounts.coupon', 'discounts.promotion_code'];
    const read = await h.stripe.checkout.sessions.retrieve(session.id, { expand });
    const discount = read.line_items?.data[0]?.discounts?.[0]?.discount;
    assert.equal(discount?.source.coupon, coupon);
    assert.equal((read.discounts?.[0]?.coupon as { id: string }).id, coupon);
    assert.equal((read.discounts?.[0]?.promotion_code as { code: string }).code, 'TENOFF');

    const old = await raw(
      'GET',
      `/v1/checkout/sessions/${session.id}`,
      '2024-06-20',
      'expand[]=line_items.data.discounts&expand[]=discounts.promotion_code',
    );
    const oldDiscount = old.body.line_items.data[0].discounts[0].discount;
    assert.equal(oldDiscount.coupon.id, coupon);
    assert.equal(oldDiscount.source, undefined);
    assert.equal(
      old.body.discounts[0].promotion_code.coupon.id,
      coupon,
      'an expanded promotion code takes the older shape too',
    );
  });
});
