import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineItemRuleError, planLineItems, type SessionLine } from '@/lib/checkout/line-items';

const CART: SessionLine[] = [
  { id: 'li_a', priceId: 'price_beans', quantity: 2 },
  { id: 'li_b', priceId: 'price_mug', quantity: 1 },
  { id: 'li_c', priceId: 'price_grinder', quantity: 1 },
];

describe('planLineItems', () => {
  test('keep: no change retransmits every id, in order, with nothing else', () => {
    const { params } = planLineItems(CART, []);
    assert.deepEqual(params, [{ id: 'li_a' }, { id: 'li_b' }, { id: 'li_c' }]);
  });

  test('update: a quantity change sends the id with the new quantity only', () => {
    const { params, lines } = planLineItems(CART, [{ kind: 'set_quantity', id: 'li_b', quantity: 4 }]);
    assert.deepEqual(params, [{ id: 'li_a' }, { id: 'li_b', quantity: 4 }, { id: 'li_c' }]);
    assert.equal(lines[1]?.quantity, 4);
  });

  test("replace: a new item takes the old one's place and quantity (monthly to yearly)", () => {
    const { params, lines } = planLineItems(CART, [{ kind: 'replace', id: 'li_a', priceId: 'price_other' }]);
    assert.deepEqual(params, [{ price: 'price_other', quantity: 2 }, { id: 'li_b' }, { id: 'li_c' }]);
    assert.deepEqual(lines[0], { id: null, priceId: 'price_other', quantity: 2 });
  });

  test('add: a new item has a price and quantity and no id, at the end', () => {
    const { params, lines } = planLineItems(CART, [{ kind: 'add', priceId: 'price_gift', quantity: 1 }]);
    assert.deepEqual(params.at(-1), { price: 'price_gift', quantity: 1 });
    assert.equal(params.length, 4);
    assert.deepEqual(lines.at(-1), { id: null, priceId: 'price_gift', quantity: 1 });
  });

  test('remove: the item is left out of the array', () => {
    const { params } = planLineItems(CART, [{ kind: 'remove', id: 'li_b' }]);
    assert.deepEqual(params, [{ id: 'li_a' }, { id: 'li_c' }]);
  });

  test('reorder: the id moves to the new position', () => {
    const { params } = planLineItems(CART, [{ kind: 'move', id: 'li_c', index: 0 }]);
    assert.deepEqual(params, [{ id: 'li_c' }, { id: 'li_a' }, { id: 'li_b' }]);
  });

  test('reorder past the end clamps to the last position', () => {
    const { params } = planLineItems(CART, [{ kind: 'move', id: 'li_a', index: 99 }]);
    assert.deepEqual(params, [{ id: 'li_b' }, { id: 'li_c' }, { id: 'li_a' }]);
  });

  test('changes compose in order: replace the only item (the seed example)', () => {
    const { params } = planLineItems(
      [CART[0]!],
      [
        { kind: 'remove', id: 'li_a' },
        { kind: 'add', priceId: 'price_yearly', quantity: 1 },
      ],
    );
    assert.deepEqual(params, [{ price: 'price_yearly', quantity: 1 }]);
  });

  test('the input is not mutated', () => {
    const copy = structuredClone(CART);
    planLineItems(CART, [
      { kind: 'set_quantity', id: 'li_a', quantity: 9 },
      { kind: 'remove', id: 'li_b' },
    ]);
    assert.deepEqual(CART, copy);
  });

  const refusals: Array<[string, SessionLine[], Parameters<typeof planLineItems>[1], RegExp]> = [
    ['an unknown id', CART, [{ kind: 'set_quantity', id: 'li_zzz', quantity: 1 }], /No line item li_zzz/],
    [
      'removing an item twice',
      CART,
      [
        { kind: 'remove', id: 'li_a' },
        { kind: 'remove', id: 'li_a' },
      ],
      /No line item li_a/,
    ],
    ['a zero quantity', CART, [{ kind: 'set_quantity', id: 'li_a', quantity: 0 }], /whole number/],
    ['a fractional quantity', CART, [{ kind: 'add', priceId: 'p', quantity: 1.5 }], /whole number/],
    ["a quantity over Stripe's maximum", CART, [{ kind: 'add', priceId: 'p', quantity: 1_000_000 }], /whole number/],
    ['an empty cart', [CART[0]!], [{ kind: 'remove', id: 'li_a' }], /at least one/],
    ['a session listing an id twice', [CART[0]!, CART[0]!], [], /appears twice/],
    [
      'more than 100 items',
      CART,
      Array.from({ length: 98 }, () => ({ kind: 'add' as const, priceId: 'p', quantity: 1 })),
      /at most 100/,
    ],
  ];
  for (const [name, current, changes, message] of refusals) {
    test(`refuses ${name}`, () => {
      assert.throws(
        () => planLineItems(current, changes),
        (error) => error instanceof LineItemRuleError && message.test(error.message),
      );
    });
  }
});
