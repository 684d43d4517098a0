import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contributionAmount,
  contributionParam,
  planContribution,
  withContribution,
  type ContributionPercent,
} from '@/lib/checkout/contribution';
import type { SessionLine } from '@/lib/checkout/line-items';

test('the contribution is a share of the paid subtotal, rounded to the cent half-up', () => {
  const table: Array<[subtotal: number, percent: ContributionPercent, amount: number]> = [
    [0, 2, 0],
    [2200, 0, 0],
    [2200, 2, 44],
    [2200, 5, 110],
    [25, 2, 1], // 0.5 of a cent rounds up
    [24, 2, 0], // 0.48 rounds down
    [75, 2, 2], // 1.5 rounds up
    [125, 2, 3], // 2.5 rounds up, not to even
    [13390, 5, 670], // 669.5 rounds up
    [999_999, 5, 50_000],
  ];
  for (const [subtotal, percent, amount] of table)
    assert.equal(contributionAmount(subtotal, percent), amount, `${percent} % of ${subtotal}`);
});

const MUG: SessionLine = { id: 'li_mug', priceId: 'price_mug', quantity: 2, lookupKey: 'ceramic_mug' };
const line = (amount: number, percent: number): SessionLine => ({
  id: 'li_contribution',
  priceId: 'price_adhoc',
  quantity: 1,
  unitAmount: amount,
  metadata: { storefront_line: 'contribution', contribution_percent: String(percent) },
});

test('the share is kept, and priced again on the new subtotal, until the buyer changes it', () => {
  assert.deepEqual(planContribution([MUG], 4400), { percent: 0, amount: 0, unchanged: true });
  assert.deepEqual(planContribution([MUG], 4400, 2), { percent: 2, amount: 88, unchanged: false });
  assert.deepEqual(planContribution([MUG, line(88, 2)], 4400), { percent: 2, amount: 88, unchanged: true });
  assert.deepEqual(planContribution([MUG, line(88, 2)], 6600), { percent: 2, amount: 132, unchanged: false });
  assert.deepEqual(planContribution([MUG, line(88, 2)], 4400, 0), { percent: 0, amount: 0, unchanged: false });
});

test('the line is kept untaxed, replaced by a new price, or left out', () => {
  const taxed = [
    { id: 'li_mug', tax_rates: ['txr_ny'] },
    { id: 'li_contribution', tax_rates: ['txr_ny'] },
  ];
  const lines = [MUG, line(88, 2)];
  assert.deepEqual(withContribution(taxed, lines, { percent: 2, amount: 88, unchanged: true }), [
    { id: 'li_mug', tax_rates: ['txr_ny'] },
    { id: 'li_contribution' },
  ]);
  assert.deepEqual(withContribution(taxed, lines, { percent: 2, amount: 132, unchanged: false }), [
    { id: 'li_mug', tax_rates: ['txr_ny'] },
    contributionParam(132, 2),
  ]);
  assert.deepEqual(withContribution(taxed, lines, { percent: 0, amount: 0, unchanged: false }), [
    { id: 'li_mug', tax_rates: ['txr_ny'] },
  ]);
  assert.deepEqual(contributionParam(132, 2), {
    price_data: { currency: 'usd', unit_amount: 132, product_data: { name: "Growers' cooperative contribution" } },
    quantity: 1,
    metadata: { storefront_line: 'contribution', contribution_percent: '2' },
  });
});
