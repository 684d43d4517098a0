import assert from 'node:assert/strict';
import { it } from 'node:test';
import type Stripe from 'stripe';
import { lineAmounts, sessionTotals } from './totals';

const rate = (percentage: number, inclusive: boolean) =>
  ({ id: `txr_${percentage}_${inclusive}`, percentage, inclusive }) as Stripe.TaxRate;

it('computes tax per line, exclusive on top and inclusive within, rounded per line', () => {
  const table: [
    number,
    number,
    Stripe.TaxRate[],
    { amount_subtotal: number; amount_tax: number; amount_total: number },
  ][] = [
    [2500, 1, [], { amount_subtotal: 2500, amount_tax: 0, amount_total: 2500 }],
    [2500, 2, [rate(8.25, false)], { amount_subtotal: 5000, amount_tax: 413, amount_total: 5413 }],
    [2500, 1, [rate(20, true)], { amount_subtotal: 2500, amount_tax: 417, amount_total: 2500 }],
    [999, 3, [rate(19, false)], { amount_subtotal: 2997, amount_tax: 569, amount_total: 3566 }],
    [1000, 1, [rate(10, true), rate(5, false)], { amount_subtotal: 1000, amount_tax: 136, amount_total: 1045 }],
    // zero-amount lines (the gift) carry no tax, whatever the rate
    [0, 1, [rate(8.25, false)], { amount_subtotal: 0, amount_tax: 0, amount_total: 0 }],
    [0, 3, [rate(20, true)], { amount_subtotal: 0, amount_tax: 0, amount_total: 0 }],
    // half a cent rounds up (half-up on minor units): 200 × 0.25 % = 0.5, 1 × 50 % = 0.5
    [200, 1, [rate(0.25, false)], { amount_subtotal: 200, amount_tax: 1, amount_total: 201 }],
    [1, 1, [rate(50, false)], { amount_subtotal: 1, amount_tax: 1, amount_total: 2 }],
    [100, 1, [rate(0.4, false)], { amount_subtotal: 100, amount_tax: 0, amount_total: 100 }],
    // rounded per line, not per unit: 3 × 333 × 7 % = 69.93 → 70 (per unit it would be 3 × 23 = 69)
    [333, 3, [rate(7, false)], { amount_subtotal: 999, amount_tax: 70, amount_total: 1069 }],
    // two exclusive rates, each rounded on its own: 8.25 % of 999 = 82.42 → 82, 1 % = 9.99 → 10
    [999, 1, [rate(8.25, false), rate(1, false)], { amount_subtotal: 999, amount_tax: 92, amount_total: 1091 }],
    // two inclusive rates: net = 1150 / 1.15 = 1000; 10 % → 100, the last takes the rest (50)
    [1150, 1, [rate(10, true), rate(5, true)], { amount_subtotal: 1150, amount_tax: 150, amount_total: 1150 }],
    // inclusive 19 % VAT on 1000: net 840.34 → 840, VAT 160
    [1000, 1, [rate(19, true)], { amount_subtotal: 1000, amount_tax: 160, amount_total: 1000 }],
  ];
  for (const [unit, quantity, rates, expected] of table) {
    const { amount_subtotal, amount_tax, amount_total } = lineAmounts(unit, quantity, rates);
    const amounts = { amount_subtotal, amount_tax, amount_total };
    assert.deepEqual(amounts, expected, `${unit} × ${quantity}`);
  }
});

it('adds shipping and the exclusive taxes of each line to the session total', () => {
  const lines = [lineAmounts(2500, 2, [rate(8.25, false)]), lineAmounts(2500, 1, [rate(20, true)])];
  assert.deepEqual(sessionTotals(lines, 500), {
    amount_subtotal: 7500,
    amount_discount: 0,
    amount_tax: 830,
    amount_total: 8413,
    amount_shipping: 500,
  });
});

it('the session total is subtotal + exclusive tax + shipping, inclusive tax staying inside', () => {
  const table: [LineAmountsArgs[], number, { amount_subtotal: number; amount_tax: number; amount_total: number }][] = [
    [[[2500, 1, [rate(20, true)]]], 0, { amount_subtotal: 2500, amount_tax: 417, amount_total: 2500 }],
    [
      [
        [2500, 1, [rate(8.25, false)]],
        [0, 1, [rate(8.25, false)]],
      ],
      0,
      { amount_subtotal: 2500, amount_tax: 206, amount_total: 2706 },
    ],
    [
      [
        [2500, 1, [rate(8.25, false)]],
        [1299, 1, [rate(20, true)]],
      ],
      1500,
      { amount_subtotal: 3799, amount_tax: 422, amount_total: 5505 },
    ],
  ];
  for (const [lines, shipping, expected] of table) {
    const { amount_subtotal, amount_tax, amount_total } = sessionTotals(
      lines.map((args) => lineAmounts(...args)),
      shipping,
    );
    assert.deepEqual({ amount_subtotal, amount_tax, amount_total }, expected);
  }
});

type LineAmountsArgs = Parameters<typeof lineAmounts>;
