import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineTax, orderTotal, taxRateFor } from '@/lib/checkout/tax';

test('the tax rate by destination: the state in the US, the country in Europe, none elsewhere', () => {
  const cases: Array<[country: string, state: string | null, id: string | null]> = [
    ['US', 'CA', 'us-ca'],
    ['US', 'ny', 'us-ny'],
    ['US', 'WA', 'us-wa'],
    ['US', 'OR', null], // no sales tax in our table
    ['DE', null, 'de-vat'],
    ['FR', 'IDF', 'fr-vat'], // a region does not matter where the country's rate applies
    ['NL', null, 'nl-vat'],
    ['GB', null, 'gb-vat'],
    ['CA', 'ON', null],
  ];
  for (const [country, state, id] of cases)
    assert.equal(taxRateFor({ country, state })?.id ?? null, id, `${country}-${state}`);
});

test('line tax: exclusive added and rounded half up, inclusive contained', () => {
  const ca = { percentage: 7.25, inclusive: false };
  const ny = { percentage: 8.875, inclusive: false };
  const de = { percentage: 19, inclusive: true };
  const gb = { percentage: 20, inclusive: true };
  const cases: Array<[amount: number, rate: { percentage: number; inclusive: boolean } | null, tax: number]> = [
    [1600, ca, 116], // 116.00
    [3200, ca, 232],
    [200, ca, 15], // 14.5 → 15 (half up)
    [8900, ny, 790], // 789.875 → 790
    [1600, ny, 142], // 142.0
    [0, ca, 0],
    [1600, de, 255], // 1600 − round(1344.54) = 255
    [8900, de, 1421], // 8900 − round(7478.99) = 1421
    [1200, gb, 200], // 1200 − 1000
    [1600, null, 0],
  ];
  for (const [amount, rate, tax] of cases)
    assert.equal(lineTax(amount, rate), tax, `${amount} at ${JSON.stringify(rate)}`);
});

test('order totals: exclusive tax on top, inclusive tax inside, shipping untaxed', () => {
  assert.deepEqual(orderTotal([3200, 2200], 600, taxRateFor({ country: 'US', state: 'CA' })), {
    subtotal: 5400,
    tax: 232 + 160,
    shipping: 600,
    total: 6392,
  });
  assert.deepEqual(orderTotal([3200, 2200], 2500, taxRateFor({ country: 'DE' })), {
    subtotal: 5400,
    tax: 511 + 351,
    shipping: 2500,
    total: 7900,
  });
  assert.deepEqual(orderTotal([3200], 600, null), { subtotal: 3200, tax: 0, shipping: 600, total: 3800 });
});
