import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProductLine } from '@/lib/checkout/product-line';
import { findShortage, holdLinesForCart, shortageMessage } from '@/lib/checkout/stock';

test('a plan holds nothing; products hold one line per product, and the gift once they reach its threshold', () => {
  assert.deepEqual(holdLinesForCart({ kind: 'plan', planId: 'coffee-club', interval: 'monthly' }), []);
  assert.deepEqual(
    holdLinesForCart({
      kind: 'products',
      items: [
        { productId: 'ceramic-mug', quantity: 2 },
        { productId: 'house-blend', quantity: 1 },
        { productId: 'ceramic-mug', quantity: 1 },
      ],
    }),
    [
      { productId: 'ceramic-mug', quantity: 3 },
      { productId: 'house-blend', quantity: 1 },
      { productId: 'tasting-sample', quantity: 1 },
    ],
  );
  assert.deepEqual(holdLinesForCart({ kind: 'products', items: [{ productId: 'ceramic-mug', quantity: 1 }] }), [
    { productId: 'ceramic-mug', quantity: 1 },
  ]);
});

test('findShortage names the first line that does not fit, and how many are left', () => {
  const available = new Map([
    ['ceramic-mug', 3],
    ['house-blend', 0],
    ['hand-grinder', -2],
  ]);
  const cases: Array<[ProductLine[], ReturnType<typeof findShortage>]> = [
    [[{ productId: 'ceramic-mug', quantity: 3 }], null],
    [[{ productId: 'ceramic-mug', quantity: 4 }], { productId: 'ceramic-mug', available: 3 }],
    [
      [
        { productId: 'ceramic-mug', quantity: 1 },
        { productId: 'house-blend', quantity: 1 },
      ],
      { productId: 'house-blend', available: 0 },
    ],
    [[{ productId: 'hand-grinder', quantity: 1 }], { productId: 'hand-grinder', available: 0 }],
    [[{ productId: 'unknown', quantity: 1 }], { productId: 'unknown', available: 0 }],
  ];
  for (const [lines, expected] of cases) assert.deepEqual(findShortage(lines, available), expected);
});

test('the shortage message names the product and what is left', () => {
  assert.equal(shortageMessage('ceramic-mug', 2), 'Only 2 of Ceramic mug left. Please lower the quantity.');
  assert.equal(shortageMessage('hand-grinder', 0), 'Hand grinder is sold out.');
});
