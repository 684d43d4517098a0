import assert from 'node:assert/strict';
import { OrderLimitError } from '@/lib/checkout/order-limit';
import { test } from 'node:test';
import { GIFT } from '@/lib/catalog';
import {
  cartChanges,
  cartOfSession,
  CartRuleError,
  decideCart,
  removeProduct,
  setLineQuantity,
  type CheckoutLine,
} from '@/lib/checkout/checkout-cart';
import { addCrossSell, crossSellOffers } from '@/lib/checkout/cross-sell';
import { amountToGift, paidSubtotal, withGift } from '@/lib/checkout/gift';
import { OutOfStockError, SessionStateError } from '@/lib/errors';

const PLENTY = new Map([
  ['house-blend', 100],
  ['hand-grinder', 100],
  ['ceramic-mug', 100],
  ['tasting-sample', 100],
]);
const line = (lineId: string | null, productId: string, quantity: number): CheckoutLine => ({
  lineId,
  productId,
  quantity,
});
const beans = (quantity: number) => line('li_beans', 'house-blend', quantity); // $16.00 each
const gift = line('li_gift', 'tasting-sample', 1);

test('the gift is there exactly when the paid subtotal reaches the threshold', () => {
  // [paid lines, gift expected]: $75.00 is the threshold; beans are $16.00, a grinder $89.00.
  const cases: Array<[CheckoutLine[], boolean]> = [
    [[beans(4)], false], // $64.00
    [[beans(5)], true], // $80.00
    [[line('li_mug', 'ceramic-mug', 3)], false], // $66.00
    [[line('li_mug', 'ceramic-mug', 3), beans(1)], true], // $82.00
    [[line('li_g', 'hand-grinder', 1)], true], // $89.00
  ];
  for (const [lines, expected] of cases) {
    const decided = decideCart(lines, (cart) => [...cart], PLENTY);
    assert.equal(
      decided.some((candidate) => candidate.productId === GIFT.product.id),
      expected,
      JSON.stringify(lines),
    );
  }
  assert.equal(paidSubtotal([beans(4), gift]), 6400);
  assert.equal(amountToGift(6400), 1100);
  assert.equal(amountToGift(9000), 0);
  assert.deepEqual(
    withGift([gift], (candidate) => candidate),
    [],
    'a gift alone is no order',
  );
});

test('lowering a quantity below the threshold takes the gift away; raising it brings it back, once', () => {
  const down = decideCart([beans(5), gift], setLineQuantity('li_beans', 4), PLENTY);
  assert.deepEqual(down, [beans(4)]);
  const up = decideCart([beans(4)], setLineQuantity('li_beans', 6), PLENTY);
  assert.deepEqual(up, [beans(6), line(null, 'tasting-sample', 1)]);
  const stays = decideCart([beans(5), gift], setLineQuantity('li_beans', 6), PLENTY);
  assert.deepEqual(stays, [beans(6), gift], 'the gift keeps its line');
});

test('the limits: the stock, the per-order maximum, the last paid line, the gift', () => {
  const mugs = line('li_mug', 'ceramic-mug', 1);
  assert.throws(
    () => decideCart([mugs], setLineQuantity('li_mug', 4), new Map([['ceramic-mug', 3]])),
    (error: unknown) =>
      error instanceof OutOfStockError &&
      error.status === 409 &&
      /Only 3 of Ceramic mug left/.test(error.publicMessage),
  );
  assert.throws(
    () => decideCart([mugs], setLineQuantity('li_mug', 7), PLENTY),
    (error: unknown) =>
      error instanceof OrderLimitError && error.publicMessage === 'You can buy at most 6 of Ceramic mug per order.',
  );
  assert.throws(() => decideCart([mugs], setLineQuantity('li_mug', 0), PLENTY), /last paid line/);
  assert.throws(() => decideCart([beans(5), gift], removeProduct('house-blend'), PLENTY), /last paid line/);
  assert.throws(
    () => decideCart([beans(5), gift], setLineQuantity('li_gift', 3), PLENTY),
    (error: unknown) => error instanceof CartRuleError && error.status === 400,
  );
  assert.throws(() => decideCart([beans(5)], setLineQuantity('li_nope', 1), PLENTY), /No line li_nope/);
  // The gift is stock too: none left, and an order that earns it cannot be placed.
  assert.throws(
    () => decideCart([beans(4)], setLineQuantity('li_beans', 5), new Map([...PLENTY, ['tasting-sample', 0]])),
    OutOfStockError,
  );
  assert.deepEqual(decideCart([beans(1), mugs], setLineQuantity('li_mug', 0), PLENTY), [beans(1)]);
});

test('cross-sells: what the cart goes with, not in it, in stock; adding one is one unit', () => {
  const offers = (ids: string[], available = PLENTY) => crossSellOffers(ids, available).map((product) => product.id);
  assert.deepEqual(offers(['house-blend']), ['ceramic-mug', 'hand-grinder']);
  assert.deepEqual(offers(['house-blend', 'ceramic-mug']), ['hand-grinder']);
  assert.deepEqual(offers(['house-blend'], new Map([...PLENTY, ['ceramic-mug', 0]])), ['hand-grinder']);
  assert.deepEqual(offers(['tasting-sample']), []);
  assert.deepEqual(decideCart([beans(1)], addCrossSell('ceramic-mug', PLENTY), PLENTY), [
    beans(1),
    line(null, 'ceramic-mug', 1),
  ]);
  assert.throws(() => decideCart([beans(1)], addCrossSell('tasting-sample', PLENTY), PLENTY), CartRuleError);
  assert.throws(
    () => decideCart([beans(1)], addCrossSell('ceramic-mug', new Map([['ceramic-mug', 0]])), PLENTY),
    CartRuleError,
  );
  assert.deepEqual(decideCart([beans(1), line('li_mug', 'ceramic-mug', 1)], removeProduct('ceramic-mug'), PLENTY), [
    beans(1),
  ]);
});

test('changes keep ids, set quantities, add new lines and remove the rest', () => {
  const current = [beans(5), line('li_mug', 'ceramic-mug', 1), gift];
  const next = [beans(2), line(null, 'hand-grinder', 1), line(null, 'tasting-sample', 1)];
  assert.deepEqual(
    cartChanges(current, next, (id) => `price_${id}`),
    [
      { kind: 'set_quantity', id: 'li_beans', quantity: 2 },
      { kind: 'remove', id: 'li_mug' },
      { kind: 'remove', id: 'li_gift' },
      { kind: 'add', priceId: 'price_hand-grinder', quantity: 1 },
      { kind: 'add', priceId: 'price_tasting-sample', quantity: 1 },
    ],
  );
});

test('a session line whose price is not the catalog’s cannot be reasoned about', () => {
  assert.deepEqual(cartOfSession([{ id: 'li_1', priceId: 'price_1', quantity: 2, lookupKey: 'ceramic_mug' }]), [
    line('li_1', 'ceramic-mug', 2),
  ]);
  assert.throws(
    () => cartOfSession([{ id: 'li_1', priceId: 'price_x', quantity: 1, lookupKey: null }]),
    SessionStateError,
  );
});
