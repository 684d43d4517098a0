import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  seedCatalog,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

let h: Harness;
let c: Catalog;
let session: Stripe.Checkout.Session;
let ids: string[];

before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
});
after(() => h.close());
beforeEach(async () => {
  session = await createPaymentSession(h.stripe, {
    line_items: [
      { price: c.tee.id, quantity: 1 },
      { price: c.mug.id, quantity: 2, adjustable_quantity: { enabled: true, maximum: 5 } },
    ],
    shipping_options: [{ shipping_rate: c.ground.id }],
    metadata: { keep: 'yes', drop: 'soon' },
  });
  ids = (await h.stripe.checkout.sessions.listLineItems(session.id)).data.map((i) => i.id);
});

async function items(id = session.id) {
  return (await h.stripe.checkout.sessions.listLineItems(id)).data.map((i) => ({
    id: i.id,
    price: i.price?.id,
    quantity: i.quantity,
  }));
}

describe('checkout session update: retransmit rules', () => {
  it('keeps items that are sent by id alone, with the same ids and totals', async () => {
    const updated = await h.stripe.checkout.sessions.update(session.id, {
      line_items: [{ id: ids[0] }, { id: ids[1] }],
    });
    assert.deepEqual(
      (await items()).map((i) => i.id),
      ids,
    );
    assert.equal(updated.amount_total, session.amount_total);
  });

  it('updates a kept item (quantity and price) without changing its id, and recomputes totals', async () => {
    const updated = await h.stripe.checkout.sessions.update(session.id, {
      line_items: [
        { id: ids[0], quantity: 3 },
        { id: ids[1], price: c.tee.id },
      ],
    });
    assert.deepEqual(await items(), [
      { id: ids[0], price: c.tee.id, quantity: 3 },
      { id: ids[1], price: c.tee.id, quantity: 2 },
    ]);
    assert.equal(updated.amount_subtotal, 5 * 2500);
    assert.equal(updated.amount_total, 5 * 2500 + 500);
    const back = await h.stripe.checkout.sessions.retrieve(session.id);
    assert.equal(back.amount_total, 5 * 2500 + 500);
  });

  it('adds an item without id (new li_ id) and removes the omitted one', async () => {
    await h.stripe.checkout.sessions.update(session.id, {
      line_items: [{ id: ids[1] }, { price: c.tee.id, quantity: 4 }],
    });
    const now = await items();
    assert.equal(now.length, 2);
    assert.deepEqual(now[0], { id: ids[1], price: c.mug.id, quantity: 2 });
    assert.match(now[1]?.id ?? '', /^li_/);
    assert.ok(!ids.includes(now[1]?.id ?? ''));
    assert.equal(now[1]?.quantity, 4);
  });

  it('reorders items by their position in the array', async () => {
    await h.stripe.checkout.sessions.update(session.id, { line_items: [{ id: ids[1] }, { id: ids[0] }] });
    assert.deepEqual(
      (await items()).map((i) => i.id),
      [ids[1], ids[0]],
    );
  });

  it('changes tax rates and metadata of a kept item', async () => {
    const u = await h.stripe.checkout.sessions.update(session.id, {
      line_items: [{ id: ids[0], tax_rates: [c.vat.id], metadata: { note: 'gift' } }, { id: ids[1] }],
      expand: ['line_items'],
    });
    const first = u.line_items?.data[0];
    assert.equal(first?.amount_tax, 206); // 8.25 % of 2500 = 206.25
    assert.deepEqual(first?.metadata, { note: 'gift' });
    assert.equal(u.total_details?.amount_tax, 206);
  });

  const refusals: [string, () => Stripe.Checkout.SessionUpdateParams.LineItem[], string, RegExp][] = [
    ['an unknown id', () => [{ id: ids[0] }, { id: ids[1] }, { id: 'li_unknown' }], 'line_items[2][id]', /li_unknown/],
    ['the same id twice', () => [{ id: ids[0] }, { id: ids[0] }], 'line_items[1][id]', /more than once/],
    [
      'a new item without price',
      () => [{ id: ids[0] }, { id: ids[1] }, { quantity: 1 }],
      'line_items[2][price]',
      /needs a `price`/,
    ],
    [
      'a new item without quantity',
      () => [{ id: ids[0] }, { price: c.mug.id }],
      'line_items[1][quantity]',
      /Quantity is required/,
    ],
    [
      'a quantity above the adjustable maximum',
      () => [{ id: ids[0] }, { id: ids[1], quantity: 6 }],
      'line_items[1][quantity]',
      /between 0 and 5/,
    ],
    ['an unknown price', () => [{ id: ids[0], price: 'price_missing' }], 'line_items[0][price]', /No such price/],
    [
      'a recurring price in payment mode',
      () => [{ id: ids[0], price: c.monthly.id }],
      'line_items[0][price]',
      /recurring/,
    ],
    [
      'another currency',
      () => [{ id: ids[0] }, { price: c.eur.id, quantity: 1 }],
      'line_items[1][price]',
      /same currency/,
    ],
  ];
  for (const [name, build, param, message] of refusals) {
    it(`refuses ${name}, and changes nothing`, async () => {
      const before = await h.stripe.checkout.sessions.retrieve(session.id);
      const err = await stripeError(
        h.stripe.checkout.sessions.update(session.id, { line_items: build(), metadata: { drop: '' } }),
      );
      assert.equal(err.param, param, err.message);
      assert.match(err.message, message);
      assert.ok(err.statusCode === 400 || err.statusCode === 404);
      assert.deepEqual(await items(), [
        { id: ids[0], price: c.tee.id, quantity: 1 },
        { id: ids[1], price: c.mug.id, quantity: 2 },
      ]);
      assert.deepEqual(await h.stripe.checkout.sessions.retrieve(session.id), before);
    });
  }
});

describe('checkout session update: other fields', () => {
  it('replaces shipping options, keeps the selection when still offered, and clears with an empty value', async () => {
    let u = await h.stripe.checkout.sessions.update(session.id, {
      shipping_options: [{ shipping_rate: c.express.id }, { shipping_rate: c.ground.id }],
    });
    assert.deepEqual(
      u.shipping_options.map((o) => o.shipping_rate),
      [c.express.id, c.ground.id],
    );
    assert.equal(u.shipping_cost?.shipping_rate, c.ground.id);
    u = await h.stripe.checkout.sessions.update(session.id, { shipping_options: [{ shipping_rate: c.express.id }] });
    assert.equal(u.shipping_cost?.shipping_rate, c.express.id);
    assert.equal(u.total_details?.amount_shipping, 1500);
    u = await h.stripe.checkout.sessions.update(session.id, { shipping_options: '' });
    const back = await h.stripe.checkout.sessions.retrieve(session.id);
    assert.deepEqual(back.shipping_options, []);
    assert.equal(back.shipping_cost, null);
    assert.equal(back.amount_total, 2500 + 2 * 1299);
  });

  it('creates rates from shipping_rate_data and refuses more than 5 options', async () => {
    const u = await h.stripe.checkout.sessions.update(session.id, {
      shipping_options: [
        {
          shipping_rate_data: {
            display_name: 'Pickup',
            type: 'fixed_amount',
            fixed_amount: { amount: 0, currency: 'usd' },
          },
        },
      ],
    });
    const rate = await h.stripe.shippingRates.retrieve(String(u.shipping_options[0]?.shipping_rate));
    assert.equal(rate.display_name, 'Pickup');
    const err = await stripeError(
      h.stripe.checkout.sessions.update(session.id, {
        shipping_options: Array.from({ length: 6 }, () => ({ shipping_rate: c.ground.id })),
      }),
    );
    assert.equal(err.param, 'shipping_options');
  });

  it('sets collected_information.shipping_details', async () => {
    const address = { line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US', state: 'IL' };
    await h.stripe.checkout.sessions.update(session.id, {
      collected_information: { shipping_details: { name: 'Ada', address } },
    });
    const back = await h.stripe.checkout.sessions.retrieve(session.id);
    assert.deepEqual(back.collected_information?.shipping_details, {
      name: 'Ada',
      address: { ...address, line2: null },
    });
  });

  it("merges metadata and removes keys set to ''", async () => {
    await h.stripe.checkout.sessions.update(session.id, { metadata: { drop: '', added: '1' } });
    assert.deepEqual((await h.stripe.checkout.sessions.retrieve(session.id)).metadata, { keep: 'yes', added: '1' });
  });

  it('refuses params that are not updatable', async () => {
    const err = await stripeError(
      h.stripe.checkout.sessions.update(session.id, { discounts: [{ coupon: 'SAVE10' }] } as never),
    );
    assert.match(err.message, /Received unknown parameter: discounts/);
  });

  it('refuses to update an expired or completed session', async () => {
    await h.stripe.checkout.sessions.expire(session.id);
    const err = await stripeError(h.stripe.checkout.sessions.update(session.id, { metadata: { a: 'b' } }));
    assert.equal(err.statusCode, 400);
    assert.match(err.message, /no longer active/);
    assert.deepEqual((await h.stripe.checkout.sessions.retrieve(session.id)).metadata, { keep: 'yes', drop: 'soon' });
  });
});
