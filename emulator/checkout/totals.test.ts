import assert from 'node:assert/strict';
import { it } from 'node:test';
import type Stripe from 'stripe';
import { lineAmounts, sessionTotals } from './totals';

const rate = (percentage: number, inclusive: boolean) => ({ id: `txr_${percentage}_${inclusive}`, percentage, inclusive }) as Stripe.TaxRate;

it('computes tax per line, exclusive on top and inclusive within, rounded per line', () => {
  const table: [number, number, Stripe.TaxRate[], { amount_subtotal: number; amount_tax: number; amount_total: number }][] = [
    [2500, 1, [], { amount_subtotal: 2500, amount_tax: 0, amount_total: 2500 }],
    [2500, 2, [rate(8.25, false)], { amount_subtotal: 5000, amount_tax: 413, amount_total: 5413 }],
    [2500, 1, [rate(20, true)], { amount_subtotal: 2500, amount_tax: 417, amount_total: 2500 }],
    [999, 3, [rate(19, false)], { amount_subtotal: 2997, amount_tax: 569, amount_total: 3566 }],
    [1000, 1, [rate(10, true), rate(5, false)], { amount_subtotal: 1000, amount_tax: 136, amount_total: 1045 }],
  ];
  for (const [unit, quantity, rates, expected] of table) {
    const { amount_subtotal, amount_tax, amount_total } = lineAmounts(unit, quantity, rates);
    const amounts = { amount_subtotal, amount_tax, amount_total };
    assert.deepEqual(amounts, expected, `${unit} × ${quantity}`);
  }
});

it('adds shipping and the exclusive taxes of each line to the session total', () => {
  const lines = [lineAmounts(2500, 2, [rate(8.25, false)]), lineAmounts(2500, 1, [rate(20, true)])];
  assert.deepEqual(sessionTotals(lines, 500), { amount_subtotal: 7500, amount_tax: 830, amount_total: 8413, amount_shipping: 500 });
});
