import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'node:http';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  RETURN_URL,
  SEED_VERSION,
  seedCatalog,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

let h: Harness;
let c: Catalog;
before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
});
after(() => h.close());

describe('checkout session create', () => {
  it('creates an open elements session with client secret, 24 h expiry and totals', async () => {
    const s = await createPaymentSession(h.stripe, {
      line_items: [
        { price: c.tee.id, quantity: 2, tax_rates: [c.vat.id] },
        { price: c.mug.id, quantity: 1 },
      ],
      shipping_options: [{ shipping_rate: c.ground.id }, { shipping_rate: c.express.id }],
      metadata: { cart: 'abc' },
    });
    const back = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['line_items'] });
    assert.match(back.id, /^cs_test_/);
    assert.match(back.client_secret ?? '', new RegExp(`^${back.id}_secret_\\w+$`));
    assert.equal(back.status, 'open');
    assert.equal(back.ui_mode, 'elements');
    assert.equal(back.return_url, RETURN_URL);
    assert.equal(back.url, null);
    assert.equal(back.payment_method_collection, 'always');
    assert.equal(back.expires_at - back.created, 24 * 3600);
    // 2 × 2500 + 8.25 % (412.5 → 413 rounded per line) ; 1299 ; first shipping option selected.
    assert.equal(back.amount_subtotal, 6299);
    assert.deepEqual(back.total_details, { amount_discount: 0, amount_shipping: 500, amount_tax: 413 });
    assert.equal(back.amount_total, 6299 + 413 + 500);
    assert.deepEqual(back.shipping_cost, {
      amount_subtotal: 500,
      amount_tax: 0,
      amount_total: 500,
      shipping_rate: c.ground.id,
    });
    assert.deepEqual(
      back.shipping_options.map((o) => [o.shipping_rate, o.shipping_amount]),
      [
        [c.ground.id, 500],
        [c.express.id, 1500],
      ],
    );
    assert.deepEqual(back.metadata, { cart: 'abc' });
    const items = back.line_items?.data ?? [];
    assert.deepEqual(
      items.map((i) => [i.description, i.quantity, i.amount_subtotal, i.amount_tax, i.amount_total]),
      [
        ['Tee', 2, 5000, 413, 5413],
        ['Mug', 1, 1299, 0, 1299],
      ],
    );
    assert.equal(items[0]?.price?.id, c.tee.id);
    assert.match(items[0]?.id ?? '', /^li_/);
  });

  it('includes inclusive tax in the amount without adding to the total', async () => {
    const s = await createPaymentSession(h.stripe, {
      line_items: [{ price: c.tee.id, quantity: 1, tax_rates: [c.vatIncluded.id] }],
    });
    // 2500 includes 20 %: net round(2500 / 1.2) = 2083, tax 417.
    assert.equal(s.amount_subtotal, 2500);
    assert.equal(s.amount_total, 2500);
    assert.equal(s.total_details?.amount_tax, 417);
    const items = await h.stripe.checkout.sessions.listLineItems(s.id, { expand: ['data.taxes'] });
    assert.deepEqual(
      items.data[0]?.taxes?.map((t) => [t.amount, t.taxable_amount, t.rate.id]),
      [[417, 2083, c.vatIncluded.id]],
    );
  });

  it('creates prices from price_data as inactive one-off prices', async () => {
    const s = await createPaymentSession(h.stripe, {
      line_items: [
        { price_data: { currency: 'usd', unit_amount: 700, product_data: { name: 'Gift wrap' } }, quantity: 1 },
      ],
      expand: ['line_items.data.price.product'],
    });
    const price = s.line_items?.data[0]?.price;
    assert.equal(price?.active, false);
    assert.equal(price?.unit_amount, 700);
    assert.equal((price?.product as { name: string }).name, 'Gift wrap');
  });

  const refusals: [string, () => Promise<unknown>, string | undefined, RegExp][] = [
    [
      'mode missing',
      () =>
        h.stripe.checkout.sessions.create({
          ui_mode: 'elements',
          return_url: RETURN_URL,
          line_items: [{ price: c.tee.id, quantity: 1 }],
        }),
      'mode',
      /Missing required param: mode/,
    ],
    ['no line items', () => createPaymentSession(h.stripe, { line_items: [] }), 'line_items', /line_items/],
    [
      'unknown price',
      () => createPaymentSession(h.stripe, { line_items: [{ price: 'price_nope', quantity: 1 }] }),
      'line_items[0][price]',
      /No such price: 'price_nope'/,
    ],
    [
      'recurring price in payment mode',
      () => createPaymentSession(h.stripe, { line_items: [{ price: c.monthly.id, quantity: 1 }] }),
      'line_items[0][price]',
      /recurring price/,
    ],
    [
      'no recurring price in subscription mode',
      () => createPaymentSession(h.stripe, { mode: 'subscription', line_items: [{ price: c.tee.id, quantity: 1 }] }),
      'line_items',
      /at least one recurring price/,
    ],
    [
      'two intervals',
      () =>
        createPaymentSession(h.stripe, {
          mode: 'subscription',
          line_items: [
            { price: c.monthly.id, quantity: 1 },
            { price: c.yearly.id, quantity: 1 },
          ],
        }),
      'line_items[1][price]',
      /billing intervals/,
    ],
    [
      'two currencies',
      () =>
        createPaymentSession(h.stripe, {
          line_items: [
            { price: c.tee.id, quantity: 1 },
            { price: c.eur.id, quantity: 1 },
          ],
        }),
      'line_items[1][price]',
      /same currency/,
    ],
    [
      'quantity missing',
      () => createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id }] }),
      'line_items[0][quantity]',
      /Quantity is required/,
    ],
    [
      'quantity too large',
      () => createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1_000_000 }] }),
      'line_items[0][quantity]',
      /less than or equal to 999999/,
    ],
    [
      'quantity outside adjustable bounds',
      () =>
        createPaymentSession(h.stripe, {
          line_items: [
            { price: c.tee.id, quantity: 12, adjustable_quantity: { enabled: true, minimum: 1, maximum: 10 } },
          ],
        }),
      'line_items[0][quantity]',
      /between 1 and 10/,
    ],
    [
      'adjustable minimum above maximum',
      () =>
        createPaymentSession(h.stripe, {
          line_items: [
            { price: c.tee.id, quantity: 5, adjustable_quantity: { enabled: true, minimum: 6, maximum: 3 } },
          ],
        }),
      'line_items[0][adjustable_quantity][minimum]',
      /minimum/,
    ],
    [
      '101 items',
      () =>
        createPaymentSession(h.stripe, {
          line_items: Array.from({ length: 101 }, () => ({ price: c.tee.id, quantity: 1 })),
        }),
      'line_items',
      /100/,
    ],
    [
      'return_url missing',
      () =>
        h.stripe.checkout.sessions.create({
          mode: 'payment',
          ui_mode: 'elements',
          line_items: [{ price: c.tee.id, quantity: 1 }],
        }),
      'return_url',
      /return_url/,
    ],
    [
      'success_url with elements',
      () =>
        createPaymentSession(h.stripe, { success_url: 'https://x', line_items: [{ price: c.tee.id, quantity: 1 }] }),
      'success_url',
      /not allowed/,
    ],
    [
      'ui_mode custom in GA',
      () =>
        createPaymentSession(h.stripe, {
          ui_mode: 'custom' as 'elements',
          line_items: [{ price: c.tee.id, quantity: 1 }],
        }),
      'ui_mode',
      /Invalid ui_mode/,
    ],
    [
      'ui_mode hosted_page (not emulated)',
      () => createPaymentSession(h.stripe, { ui_mode: 'hosted_page', line_items: [{ price: c.tee.id, quantity: 1 }] }),
      'ui_mode',
      /not emulated/,
    ],
    [
      'permissions.update_line_items in GA',
      () =>
        createPaymentSession(h.stripe, {
          permissions: { update_line_items: 'server_only' } as never,
          line_items: [{ price: c.tee.id, quantity: 1 }],
        }),
      'permissions[update_line_items]',
      /Received unknown parameter: permissions\[update_line_items\]/,
    ],
    [
      '6 shipping options',
      () =>
        createPaymentSession(h.stripe, {
          line_items: [{ price: c.tee.id, quantity: 1 }],
          shipping_options: Array.from({ length: 6 }, () => ({ shipping_rate: c.ground.id })),
        }),
      'shipping_options',
      /up to 5/,
    ],
    [
      'shipping options in subscription mode',
      () =>
        createPaymentSession(h.stripe, {
          mode: 'subscription',
          line_items: [{ price: c.monthly.id, quantity: 1 }],
          shipping_options: [{ shipping_rate: c.ground.id }],
        }),
      'shipping_options',
      /payment/,
    ],
    [
      'unknown param',
      () => createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1, colour: 'red' } as never] }),
      'line_items[0][colour]',
      /Received unknown parameter: line_items\[0\]\[colour\]/,
    ],
  ];
  for (const [name, call, param, message] of refusals) {
    it(`refuses: ${name}`, async () => {
      const before = (await h.stripe.checkout.sessions.list({ limit: 100 })).data.length;
      const err = await stripeError(call());
      assert.equal(err.type, 'StripeInvalidRequestError', err.message);
      assert.equal(err.statusCode, err.code === 'resource_missing' ? 404 : 400);
      assert.equal(err.param, param);
      assert.match(err.message, message);
      assert.equal((await h.stripe.checkout.sessions.list({ limit: 100 })).data.length, before, 'nothing stored');
    });
  }

  it('refuses an inactive price', async () => {
    const p = await h.stripe.prices.create({ product_data: { name: 'Old' }, currency: 'usd', unit_amount: 100 });
    await h.stripe.prices.update(p.id, { active: false });
    const err = await stripeError(createPaymentSession(h.stripe, { line_items: [{ price: p.id, quantity: 1 }] }));
    assert.equal(err.param, 'line_items[0][price]');
    assert.match(err.message, /inactive/);
  });

  it('takes the seed profile: ui_mode=custom and permissions[update_line_items]', async () => {
    const seed = h.sdk({ apiVersion: SEED_VERSION as never });
    const s = await seed.checkout.sessions.create({
      ui_mode: 'custom' as 'elements',
      permissions: { update_line_items: 'server_only' } as never,
      line_items: [{ price: c.monthly.id, quantity: 1 }],
      mode: 'subscription',
      return_url: 'https://example.com/return',
    });
    const back = await seed.checkout.sessions.retrieve(s.id);
    assert.equal(back.ui_mode, 'custom');
    assert.deepEqual(back.permissions, {
      update_shipping_details: null,
      update_line_items: 'server_only',
      update_discounts: null,
    });
    const err = await stripeError(
      seed.checkout.sessions.create({
        ui_mode: 'elements',
        mode: 'subscription',
        return_url: 'https://x',
        line_items: [{ price: c.monthly.id, quantity: 1 }],
      }),
    );
    assert.equal(err.param, 'ui_mode');
  });

  it("creates a session from the seed page's curl command (raw HTTP, Basic auth)", async () => {
    const body = [
      'ui_mode=custom',
      `${encodeURIComponent('permissions[update_line_items]')}=server_only`,
      `${encodeURIComponent('line_items[0][price]')}=${c.monthly.id}`,
      `${encodeURIComponent('line_items[0][quantity]')}=1`,
      'mode=subscription',
      `return_url=${encodeURIComponent('https://example.com/return')}`,
    ].join('&');
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(`${h.url}/v1/checkout/sessions`, {
          method: 'POST',
          auth: 'sk_test_BQokikJOvBiI2HlWgH4olfQ2:',
          headers: {
            'Stripe-Version': SEED_VERSION,
            'Content-Type': 'application/x-www-form-urlencoded',
            'User-Agent': 'curl/8.5.0',
          },
        });
        req.on('response', (r) => {
          let data = '';
          r.on('data', (d: Buffer) => (data += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: data }));
        });
        req.on('error', reject);
        req.end(body);
      },
    );
    assert.equal(res.status, 200, res.body);
    const session = JSON.parse(res.body);
    assert.equal(session.ui_mode, 'custom');
    assert.equal(session.permissions.update_line_items, 'server_only');
    assert.equal(session.mode, 'subscription');
    assert.equal(session.amount_total, 900);
    assert.equal(res.headers['stripe-version'], '2025-03-31.basil; checkout_server_update_beta=v1');
    assert.match(String(res.headers['request-id']), /^req_/);
  });
});
