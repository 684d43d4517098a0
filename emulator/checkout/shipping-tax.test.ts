// Issue 13 on the local Stripe: a server-decided shipping address (checked against the session's
// allowed countries), shipping options that follow it, and tax rates on line items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Stripe from 'stripe';
import { createPaymentSession, type Catalog, type Harness, stripeError, withLocalStripe } from '../test-helpers';

let h: Harness;
let c: Catalog;

withLocalStripe((suite) => ({ h, c } = suite));

const US = {
  name: 'Ada',
  address: { line1: '1 Main St', city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
};
const JP = { name: 'Ada', address: { line1: '1-1 Chiyoda', city: 'Tokyo', postal_code: '100-0001', country: 'JP' } };

function serverOnlySession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return createPaymentSession(h.stripe, {
    line_items: [{ price: c.tee.id, quantity: 2 }],
    permissions: { update_shipping_details: 'server_only' },
    shipping_address_collection: { allowed_countries: ['US', 'DE'] },
    ...extra,
  });
}

describe('shipping details decided by the server', () => {
  it('shows the permission and the allowed countries, and sets address, options and tax rates in one update', async () => {
    const s = await serverOnlySession();
    assert.equal(s.permissions?.update_shipping_details, 'server_only');
    assert.deepEqual(s.shipping_address_collection?.allowed_countries, ['US', 'DE']);
    const item = (await h.stripe.checkout.sessions.listLineItems(s.id)).data[0]!;
    const u = await h.stripe.checkout.sessions.update(s.id, {
      collected_information: { shipping_details: US },
      shipping_options: [{ shipping_rate: c.ground.id }, { shipping_rate: c.express.id }],
      line_items: [{ id: item.id, tax_rates: [c.vat.id] }],
    });
    assert.deepEqual(u.collected_information?.shipping_details, {
      name: 'Ada',
      address: { ...US.address, line2: null },
    });
    assert.equal(u.shipping_cost?.shipping_rate, c.ground.id);
    // 5000 + 8.25 % (412.5 → 413) + 500 shipping
    assert.deepEqual(
      [u.amount_subtotal, u.total_details?.amount_tax, u.total_details?.amount_shipping, u.amount_total],
      [5000, 413, 500, 5913],
    );
  });

  it('refuses a country outside allowed_countries, and changes nothing', async () => {
    const s = await serverOnlySession();
    const err = await stripeError(
      h.stripe.checkout.sessions.update(s.id, {
        collected_information: { shipping_details: JP },
        shipping_options: [{ shipping_rate: c.ground.id }],
      }),
    );
    assert.equal(err.statusCode, 400);
    assert.equal(err.param, 'collected_information[shipping_details][address][country]');
    assert.match(err.message, /JP/);
    const back = await h.stripe.checkout.sessions.retrieve(s.id);
    assert.equal(back.collected_information?.shipping_details, null);
    assert.deepEqual(back.shipping_options, []);
  });

  it('refuses the buyer setting the address when the server owns it, and a country not allowed', async () => {
    const s = await serverOnlySession();
    const form = {
      client_secret: s.client_secret ?? '',
      'shipping_details[name]': 'Ada',
      'shipping_details[address][line1]': '1 Main',
      'shipping_details[address][country]': 'US',
    };
    const denied = await h.client('POST', `/v1/payment_pages/${s.id}`, form);
    assert.equal(denied.status, 400);
    assert.equal(denied.body.error.code, 'checkout_session_permission_denied');
    const open = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.tee.id, quantity: 1 }],
      shipping_address_collection: { allowed_countries: ['US'] },
    });
    const wrong = await h.client('POST', `/v1/payment_pages/${open.id}`, {
      ...form,
      client_secret: open.client_secret ?? '',
      'shipping_details[address][country]': 'FR',
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.param, 'shipping_details[address][country]');
  });

  it('keeps the selected option while it is offered, else selects the first', async () => {
    const s = await serverOnlySession({
      shipping_options: [{ shipping_rate: c.ground.id }, { shipping_rate: c.express.id }],
    });
    await h.client('POST', `/v1/payment_pages/${s.id}`, {
      client_secret: s.client_secret ?? '',
      shipping_rate: c.express.id,
    });
    const kept = await h.stripe.checkout.sessions.update(s.id, {
      shipping_options: [{ shipping_rate: c.express.id }, { shipping_rate: c.ground.id }],
    });
    assert.equal(kept.shipping_cost?.shipping_rate, c.express.id);
    const replaced = await h.stripe.checkout.sessions.update(s.id, {
      shipping_options: [{ shipping_rate: c.ground.id }],
    });
    assert.equal(replaced.shipping_cost?.shipping_rate, c.ground.id);
    const cleared = await h.stripe.checkout.sessions.update(s.id, { shipping_options: '' });
    assert.deepEqual([cleared.shipping_cost, cleared.total_details?.amount_shipping], [null, 0]);
  });
});

describe('tax rates on line items', () => {
  it('computes exclusive and inclusive tax per line, with the taxes breakdown', async () => {
    const s = await createPaymentSession(h.stripe, {
      line_items: [
        { price: c.tee.id, quantity: 1, tax_rates: [c.vat.id] },
        { price: c.mug.id, quantity: 1, tax_rates: [c.vatIncluded.id] },
      ],
    });
    const items = await h.stripe.checkout.sessions.listLineItems(s.id, { expand: ['data.taxes'] });
    assert.deepEqual(
      items.data.map((i) => [
        i.amount_subtotal,
        i.amount_tax,
        i.amount_total,
        i.taxes?.map((t) => [t.amount, t.taxable_amount, t.rate.inclusive]),
      ]),
      [
        [2500, 206, 2706, [[206, 2500, false]]],
        // 1299 / 1.2 = 1082.5 → 1083 net, 216 VAT inside the price
        [1299, 216, 1299, [[216, 1083, true]]],
      ],
    );
    assert.deepEqual([s.amount_subtotal, s.total_details?.amount_tax, s.amount_total], [3799, 422, 4005]);
  });

  it('refuses an inactive or unknown tax rate on create and on update', async () => {
    const old = await h.stripe.taxRates.create({ display_name: 'Old', percentage: 5, inclusive: false, active: false });
    const err = await stripeError(
      createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1, tax_rates: [old.id] }] }),
    );
    assert.deepEqual([err.statusCode, err.param], [400, 'line_items[0][tax_rates][0]']);
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    const [item] = (await h.stripe.checkout.sessions.listLineItems(s.id)).data;
    const missing = await stripeError(
      h.stripe.checkout.sessions.update(s.id, { line_items: [{ id: item!.id, tax_rates: ['txr_missing'] }] }),
    );
    assert.deepEqual([missing.statusCode, missing.param], [404, 'line_items[0][tax_rates][0]']);
  });

  it('gives the buyer view each line its taxes', async () => {
    const s = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.tee.id, quantity: 1, tax_rates: [c.vat.id] }],
    });
    const view = await h.client('GET', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '' });
    const tax = view.body.line_items.data[0].taxes[0];
    assert.deepEqual(
      [tax.amount, tax.rate.display_name, tax.rate.percentage, tax.rate.inclusive],
      [206, 'Sales tax', 8.25, false],
    );
  });
});
