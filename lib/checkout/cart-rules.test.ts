import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findProductForSale, type Product } from '@/lib/catalog';
import { checkCartQuantity, checkoutCartOf, stockNote, viewCart } from '@/lib/checkout/cart-rules';
import type { ProductLine } from '@/lib/checkout/product-line';

const grinder = findProductForSale('hand-grinder') as Product; // maxQuantity 2
const blend = findProductForSale('house-blend') as Product; // maxQuantity 10

test('checkCartQuantity: 0 always; never past the per-order limit nor what is available', () => {
  const cases: Array<[Product, number, number, ReturnType<typeof checkCartQuantity>]> = [
    [blend, 0, 0, { ok: true }],
    [blend, 0, -3, { ok: true }],
    [blend, 1, 1, { ok: true }],
    [blend, 10, 200, { ok: true }],
    [
      blend,
      11,
      200,
      { ok: false, reason: 'limit', message: 'You can buy at most 10 of House Blend, 340 g per order.' },
    ],
    [
      blend,
      4,
      3,
      { ok: false, reason: 'stock', message: 'Only 3 of House Blend, 340 g left. Please lower the quantity.' },
    ],
    [blend, 1, 0, { ok: false, reason: 'stock', message: 'House Blend, 340 g is sold out.' }],
    [blend, 1, -2, { ok: false, reason: 'stock', message: 'House Blend, 340 g is sold out.' }],
    [grinder, 2, 2, { ok: true }],
    [grinder, 3, 1, { ok: false, reason: 'limit', message: 'You can buy at most 2 of Hand grinder per order.' }],
  ];
  for (const [product, quantity, available, expected] of cases) {
    assert.deepEqual(
      checkCartQuantity(product, quantity, available),
      expected,
      `${product.id} × ${quantity} of ${available}`,
    );
  }
});

test('stockNote says how many are left only when few are', () => {
  const cases: Array<[number, string]> = [
    [-1, 'Sold out'],
    [0, 'Sold out'],
    [1, 'Only 1 left'],
    [5, 'Only 5 left'],
    [6, 'In stock'],
  ];
  for (const [available, note] of cases) assert.equal(stockNote(available), note);
});

test('viewCart totals the lines, counts units, and drops products no longer for sale', () => {
  const view = viewCart(
    [
      { productId: 'house-blend', quantity: 2 },
      { productId: 'tasting-sample', quantity: 1 },
      { productId: 'ceramic-mug', quantity: 1 },
    ],
    new Map([
      ['house-blend', 200],
      ['ceramic-mug', 3],
    ]),
  );
  assert.deepEqual(
    view.lines.map((line) => [line.productId, line.quantity, line.lineTotal, line.available, line.stockNote]),
    [
      ['house-blend', 2, 3200, 200, 'In stock'],
      ['ceramic-mug', 1, 2200, 3, 'Only 3 left'],
    ],
  );
  assert.equal(view.count, 3);
  assert.equal(view.subtotal, 5400);
  assert.deepEqual(viewCart([], new Map()), { lines: [], count: 0, subtotal: 0 });
});

test('checkoutCartOf makes the products cart for the stored lines, or null when nothing is for sale', () => {
  const cases: Array<[ProductLine[], ReturnType<typeof checkoutCartOf>]> = [
    [[], null],
    [[{ productId: 'tasting-sample', quantity: 1 }], null],
    [
      [
        { productId: 'ceramic-mug', quantity: 2 },
        { productId: 'gold-bar', quantity: 1 },
        { productId: 'house-blend', quantity: 1 },
      ],
      {
        kind: 'products',
        items: [
          { productId: 'ceramic-mug', quantity: 2 },
          { productId: 'house-blend', quantity: 1 },
        ],
      },
    ],
  ];
  for (const [lines, expected] of cases) assert.deepEqual(checkoutCartOf(lines), expected);
});
