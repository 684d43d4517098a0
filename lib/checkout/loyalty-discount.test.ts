import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loyaltyDiscountFor, loyaltyDiscountOf, loyaltyDiscountUpdate } from '@/lib/checkout/loyalty-discount';

const cart = (...lines: Array<[string, number]>) => lines.map(([productId, quantity]) => ({ productId, quantity }));

test('loyalty discount by subtotal: from $100, 10 %, rounded, at most $20', () => {
  const table: Array<[number, number]> = [
    [0, 0],
    [9_999, 0],
    [10_000, 1_000],
    [10_004, 1_000],
    [10_005, 1_001],
    [19_994, 1_999],
    [19_995, 2_000],
    [20_000, 2_000],
    [50_000, 2_000],
  ];
  for (const [subtotal, expected] of table) assert.equal(loyaltyDiscountOf(subtotal), expected, `subtotal ${subtotal}`);
});

test('loyalty discount over a cart: catalog prices of the paid lines; the gift counts nothing', () => {
  // House Blend $16, hand grinder $89, mug $22, the gift $0.
  assert.equal(loyaltyDiscountFor(cart(['house-blend', 6])), 0, '$96');
  assert.equal(loyaltyDiscountFor(cart(['house-blend', 6], ['tasting-sample', 1])), 0, '$96 and the gift');
  assert.equal(loyaltyDiscountFor(cart(['hand-grinder', 1], ['house-blend', 1])), 1_050, '$105');
  assert.equal(loyaltyDiscountFor(cart(['hand-grinder', 2], ['ceramic-mug', 1])), 2_000, '$200');
  assert.equal(
    loyaltyDiscountFor(cart(['hand-grinder', 2], ['house-blend', 2], ['ceramic-mug', 1])),
    2_000,
    '$232: capped',
  );
});

const SERVER = { serverDiscounts: true, discount: null };
const ABOVE = cart(['hand-grinder', 1], ['house-blend', 1]);
const BELOW = cart(['house-blend', 1]);
const coupon = (amount: number) => ({
  discounts: [{ coupon_data: { name: 'Loyalty discount', amount_off: amount, currency: 'usd', duration: 'once' } }],
});

test('the update sets, changes or removes the discount, and sends nothing when it is already right', () => {
  assert.deepEqual(loyaltyDiscountUpdate(SERVER, ABOVE), coupon(1050));
  assert.deepEqual(loyaltyDiscountUpdate({ ...SERVER, discount: { amount: 1050, byCode: false } }, ABOVE), {});
  assert.deepEqual(loyaltyDiscountUpdate({ ...SERVER, discount: { amount: 900, byCode: false } }, ABOVE), coupon(1050));
  assert.deepEqual(loyaltyDiscountUpdate({ ...SERVER, discount: { amount: 1050, byCode: false } }, BELOW), {
    discounts: '',
  });
  assert.deepEqual(loyaltyDiscountUpdate(SERVER, BELOW), {});
});

test('a session that does not let the server set discounts (GA) gets none', () => {
  assert.deepEqual(loyaltyDiscountUpdate({ serverDiscounts: false, discount: null }, ABOVE), {});
});
