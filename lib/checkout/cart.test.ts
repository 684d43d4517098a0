import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BILLING_INTERVALS, PLANS } from '@/lib/catalog';
import { cartFromSearchParams, cartSchema, planCheckoutPath } from '@/lib/checkout/cart';

test('a plan cart from the query string', () => {
  assert.deepEqual(cartFromSearchParams({ plan: 'coffee-club', interval: 'yearly' }), {
    kind: 'plan',
    planId: 'coffee-club',
    interval: 'yearly',
  });
  assert.equal(cartFromSearchParams({ plan: 'coffee-club' })?.kind, 'plan');
});

test("every plan's checkout link reads back as that plan's cart", () => {
  for (const plan of PLANS) {
    for (const interval of BILLING_INTERVALS) {
      const query = Object.fromEntries(new URLSearchParams(planCheckoutPath(plan.id, interval).split('?')[1]));
      assert.deepEqual(cartFromSearchParams(query), { kind: 'plan', planId: plan.id, interval });
    }
  }
  assert.equal(cartFromSearchParams({ plan: 'tea-club', interval: 'monthly' }), null);
});

test('a product cart from the query string', () => {
  assert.deepEqual(cartFromSearchParams({ item: 'house-blend' }), {
    kind: 'products',
    items: [{ productId: 'house-blend', quantity: 1 }],
  });
});

test('unknown ids and bad intervals are no cart', () => {
  assert.equal(cartFromSearchParams({ item: 'gold-bar' }), null);
  assert.equal(cartFromSearchParams({ plan: 'coffee-club', interval: 'weekly' }), null);
  assert.equal(cartFromSearchParams({}), null);
});

test('the schema refuses prices, amounts, fractional or zero quantities', () => {
  assert.equal(
    cartSchema.safeParse({ kind: 'products', items: [{ productId: 'house-blend', quantity: 0 }] }).success,
    false,
  );
  assert.equal(
    cartSchema.safeParse({ kind: 'products', items: [{ productId: 'house-blend', quantity: 1.5 }] }).success,
    false,
  );
  assert.equal(
    cartSchema.safeParse({ kind: 'products', items: [{ productId: 'house-blend', quantity: 1, price: 1 }] }).success,
    false,
  );
  assert.equal(
    cartSchema.safeParse({ kind: 'plan', planId: 'coffee-club', interval: 'yearly', unit_amount: 1 }).success,
    false,
  );
});

test('a product appears once: duplicate lines would slip past the per-order limit', () => {
  const line = { productId: 'house-blend', quantity: 10 };
  assert.equal(cartSchema.safeParse({ kind: 'products', items: [line] }).success, true);
  assert.equal(cartSchema.safeParse({ kind: 'products', items: [line, line] }).success, false);
});
