import { SHIPS_TO } from '@/lib/catalog';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { assertUpdatable } from '@/lib/checkout/guards';
import { PaidCheckoutError, SessionStateError } from '@/lib/errors';
import { OrderLimitError } from '@/lib/checkout/order-limit';

const IDS = {
  prices: new Map([
    ['coffee_club_monthly', 'price_m'],
    ['coffee_club_yearly', 'price_y'],
    ['house_blend_340g', 'price_beans'],
    ['tasting_sample', 'price_gift'],
  ]),
  shippingRates: new Map([
    ['standard', 'shr_std'],
    ['express', 'shr_exp'],
  ]),
  taxRates: new Map<string, string>(),
};
const OPTIONS = {
  profile: 'ga' as const,
  returnUrl: 'https://shop.test/checkout/return',
  bindingTag: 'tag_1',
  expiresAt: 1_900_000_000,
};

test('a plan becomes a subscription session with the interval price from the catalog', () => {
  const params = sessionCreateParams({ kind: 'plan', planId: 'coffee-club', interval: 'yearly' }, IDS, OPTIONS);
  assert.equal(params.mode, 'subscription');
  assert.equal(params.ui_mode, 'elements');
  assert.deepEqual(params.line_items, [{ price: 'price_y', quantity: 1 }]);
  assert.equal(params.return_url, 'https://shop.test/checkout/return?session_id={CHECKOUT_SESSION_ID}');
  assert.ok(!('shipping_options' in params), 'Stripe has no shipping rates in subscription mode');
  // The club ships goods: the buyer's browser collects the address (the server may not set it here).
  assert.deepEqual(
    params.shipping_address_collection?.allowed_countries,
    SHIPS_TO.map((country) => country.code),
  );
  assert.ok(!('permissions' in params && params.permissions && 'update_shipping_details' in params.permissions));
  assert.deepEqual(params.metadata, { storefront_browser_tag: 'tag_1' });
  assert.equal(params.expires_at, 1_900_000_000, 'the session, and so its holds, end when the store says');
});

test('products become a payment session with shipping options, and quantities only the server changes', () => {
  const params = sessionCreateParams(
    { kind: 'products', items: [{ productId: 'house-blend', quantity: 2 }] },
    IDS,
    OPTIONS,
  );
  assert.equal(params.mode, 'payment');
  assert.deepEqual(
    params.line_items,
    [{ price: 'price_beans', quantity: 2 }],
    'no adjustable_quantity: Stripe.js would bypass the stock check',
  );
  assert.ok(!('shipping_options' in params), 'no options until the server knows the address');
  assert.ok('shipping_address_collection' in params);
  assert.deepEqual(params.shipping_address_collection.allowed_countries, ['US', 'CA', 'GB', 'DE', 'FR', 'NL']);
  assert.deepEqual(params.permissions, { update_shipping_details: 'server_only' });
});

test('the seed profile keeps line items, the address and the discount server-only together', () => {
  const params = sessionCreateParams({ kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] }, IDS, {
    ...OPTIONS,
    profile: 'seed',
  });
  assert.ok('permissions' in params);
  assert.deepEqual(params.permissions, {
    update_line_items: 'server_only',
    update_discounts: 'server_only',
    update_shipping_details: 'server_only',
  });
});

test('a cart past the threshold starts with the gift, in the same create call', () => {
  const params = sessionCreateParams(
    { kind: 'products', items: [{ productId: 'house-blend', quantity: 5 }] },
    IDS,
    OPTIONS,
  );
  assert.deepEqual(params.line_items, [
    { price: 'price_beans', quantity: 5 },
    { price: 'price_gift', quantity: 1 },
  ]);
});

test('the seed profile asks for the preview surface', () => {
  const params = sessionCreateParams({ kind: 'plan', planId: 'coffee-club', interval: 'monthly' }, IDS, {
    ...OPTIONS,
    profile: 'seed',
  });
  assert.equal(params.ui_mode, 'custom');
  assert.ok('permissions' in params);
  assert.deepEqual(params.permissions, { update_line_items: 'server_only', update_discounts: 'server_only' });
});

test('more than a product allows is refused before Stripe is called', () => {
  assert.throws(
    () => sessionCreateParams({ kind: 'products', items: [{ productId: 'house-blend', quantity: 11 }] }, IDS, OPTIONS),
    (error: unknown) =>
      error instanceof OrderLimitError &&
      error.status === 409 &&
      error.publicMessage === 'You can buy at most 10 of House Blend, 340 g per order.',
  );
});

const SESSION = {
  id: 'cs_test_1',
  status: 'open',
  mode: 'subscription',
  expiresAt: 2_000,
  currency: 'usd',
  lines: [],
  shipping: null,
  shippingRateId: null,
  bindingTag: null,
};
test('assertUpdatable: only open, unexpired sessions of the right mode', () => {
  assert.doesNotThrow(() => assertUpdatable(SESSION, 1_000, 'subscription'));
  assert.throws(
    () => assertUpdatable({ ...SESSION, status: 'complete' }, 1_000),
    (error: unknown) => error instanceof PaidCheckoutError && error.publicMessage === 'This checkout has been paid.',
  );
  assert.throws(() => assertUpdatable({ ...SESSION, status: 'expired' }, 1_000), SessionStateError);
  assert.throws(() => assertUpdatable(SESSION, 2_000), SessionStateError);
  assert.throws(() => assertUpdatable(SESSION, 1_000, 'payment'), SessionStateError);
});
