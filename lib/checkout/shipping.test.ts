import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FREE_SHIPPING_THRESHOLD } from '@/lib/catalog';
import { MAX_SHIPPING_OPTIONS, shippingOptionsFor } from '@/lib/checkout/shipping';
import { sameAddress, shippingDetailsSchema } from '@/lib/checkout/shipping-address';

test('shipping options by destination and paid subtotal, at the free-shipping boundary', () => {
  const cases: Array<[country: string, subtotal: number, ids: string[]]> = [
    ['US', 0, ['standard', 'express']],
    ['US', FREE_SHIPPING_THRESHOLD - 1, ['standard', 'express']],
    ['US', FREE_SHIPPING_THRESHOLD, ['standard-free', 'express']],
    ['US', FREE_SHIPPING_THRESHOLD + 1, ['standard-free', 'express']],
    ['CA', 1600, ['international']],
    ['DE', FREE_SHIPPING_THRESHOLD * 10, ['international']], // no free shipping abroad, no express
    ['JP', 1600, []], // not a country we ship to
    ['us', 1600, []], // codes are upper case by then (the schema normalises)
  ];
  for (const [country, subtotal, ids] of cases) {
    const options = shippingOptionsFor(country, subtotal);
    assert.deepEqual(
      options.map((rate) => rate.id),
      ids,
      `${country} at ${subtotal}`,
    );
    assert.ok(options.length <= MAX_SHIPPING_OPTIONS);
  }
  assert.equal(shippingOptionsFor('US', FREE_SHIPPING_THRESHOLD)[0]?.amount, 0);
});

const address = (overrides: Record<string, unknown>) => ({
  name: 'Ada Buyer',
  address: { line1: '1 Main St', city: 'Sacramento', state: 'CA', postal_code: '95814', country: 'US', ...overrides },
});

test('addresses: countries we ship to, the fields each needs, lengths capped', () => {
  const cases: Array<[Record<string, unknown>, string | null]> = [
    [{}, null],
    [{ country: 'us', state: 'ny', postal_code: '10001-1234' }, null],
    [{ country: 'JP', state: null, postal_code: '100-0001' }, "We don't ship to Japan."],
    [{ country: 'BR' }, "We don't ship to Brazil."],
    [{ state: undefined }, 'Please enter a 2-letter state.'],
    [{ state: 'California' }, 'Please enter a 2-letter state.'],
    [{ postal_code: '9581' }, 'Please enter a 5-digit ZIP code.'],
    [{ country: 'DE', state: null, postal_code: '10115', city: 'Berlin' }, null],
    [{ country: 'NL', state: null, postal_code: '1012 AB', city: 'Amsterdam' }, null],
    [{ country: 'GB', state: null, postal_code: 'SW1A 1AA', city: 'London' }, null],
    [{ country: 'FR', state: null, postal_code: '7500' }, 'Please enter a 5-digit postal code.'],
    [{ line1: 'x'.repeat(201) }, 'too_big'],
    [{ city: '' }, 'too_small'],
    [{ country: 'USA' }, 'A 2-letter country code'],
  ];
  for (const [overrides, problem] of cases) {
    const parsed = shippingDetailsSchema.safeParse(address(overrides));
    if (problem === null) assert.ok(parsed.success, JSON.stringify([overrides, parsed.error?.issues]));
    else
      assert.ok(
        !parsed.success && parsed.error.issues.some((issue) => issue.message === problem || issue.code === problem),
        JSON.stringify([overrides, parsed.error?.issues]),
      );
  }
  const ny = shippingDetailsSchema.parse(address({ country: 'us', state: 'ny', postal_code: '10001' }));
  assert.deepEqual(ny.address, {
    line1: '1 Main St',
    line2: null,
    city: 'Sacramento',
    state: 'NY',
    postalCode: '10001',
    country: 'US',
  });
  assert.ok(!shippingDetailsSchema.safeParse({ ...address({}), extra: 1 }).success, 'unknown fields refused');
});

test('the same address is the same whatever order its fields were written in, and a null line2 equals none', () => {
  const a = { line1: '1 Pine St', line2: null, city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' };
  const reordered = {
    country: 'US',
    postalCode: '97201',
    state: 'OR',
    city: 'Portland',
    line2: null,
    line1: '1 Pine St',
  };
  assert.equal(sameAddress(a, reordered), true);
  assert.equal(sameAddress(a, { ...a, postalCode: '97202' }), false);
  assert.equal(sameAddress(null, undefined), true);
  assert.equal(sameAddress(a, null), false);
});
