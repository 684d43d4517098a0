import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addressLines,
  countryName,
  formatMoney,
  formatPrice,
  keepUnitsTogether,
  listNames,
  taxLineLabel,
} from '@/lib/format';

test('countries read by name, an unknown code reads as itself', () => {
  assert.equal(countryName('DE'), 'Germany');
  assert.equal(countryName('us'), 'United States');
  assert.equal(countryName('not a code'), 'not a code');
});

test('an address reads as a parcel label: "City, ST ZIP" with a state, "ZIP City" without, then the country', () => {
  assert.deepEqual(
    addressLines({
      line1: '1600 Amphitheatre Parkway',
      line2: null,
      city: 'Mountain View',
      state: 'CA',
      postalCode: '94043',
      country: 'US',
    }),
    ['1600 Amphitheatre Parkway', 'Mountain View, CA 94043', 'United States'],
  );
  assert.deepEqual(
    addressLines({
      line1: '22 Harbour Road',
      line2: 'Apartment 4B',
      city: 'Toronto',
      state: 'ON',
      postalCode: 'M5V 2T6',
      country: 'CA',
    }),
    ['22 Harbour Road', 'Apartment 4B', 'Toronto, ON M5V 2T6', 'Canada'],
  );
  assert.deepEqual(
    addressLines({
      line1: 'Hauptstraße 1',
      line2: '',
      city: 'Berlin',
      state: null,
      postalCode: '10115',
      country: 'DE',
    }),
    ['Hauptstraße 1', '10115 Berlin', 'Germany'],
  );
  assert.deepEqual(addressLines({ line1: null, city: null, state: null, postalCode: null, country: null }), []);
});

test('nothing charged reads "Free"; an amount reads as money', () => {
  assert.equal(formatPrice(0, 'usd'), 'Free');
  assert.equal(formatPrice(2400, 'usd'), '$24.00');
});

test('the tax line names its rate and place', () => {
  assert.equal(
    taxLineLabel({ displayName: 'Sales tax', inclusive: false, percentage: 7.25, place: 'CA' }),
    'Tax (CA 7.25 %)',
  );
  assert.equal(
    taxLineLabel({ displayName: 'VAT', inclusive: true, percentage: 19, place: 'DE' }),
    'VAT included (DE 19 %)',
  );
  assert.equal(
    taxLineLabel({ displayName: 'Sales tax', inclusive: false, percentage: 8.875, place: 'NY' }),
    'Tax (NY 8.875 %)',
  );
  assert.equal(taxLineLabel({ displayName: 'VAT', inclusive: true }), 'VAT included');
});

test('names are listed as a sentence', () => {
  assert.equal(listNames(['Canada', 'Germany', 'France']), 'Canada, Germany, and France');
});

test('a quantity keeps its unit on the same line', () => {
  assert.equal(keepUnitsTogether('House Blend, 340 g'), 'House Blend, 340\u00a0g');
  assert.equal(keepUnitsTogether('Mug, 12 oz and a gift'), 'Mug, 12\u00a0oz and a gift');
});

test("money reads in the currency's minor unit, whichever currency and locale came before", () => {
  assert.equal(formatMoney(2400, 'usd'), '$24.00');
  assert.equal(formatMoney(2400, 'jpy'), '¥2,400');
  assert.equal(formatMoney(105, 'USD'), '$1.05');
  assert.equal(formatMoney(2400, 'eur', 'de-DE'), '24,00\u00a0€');
  assert.equal(formatMoney(2400, 'eur'), '€24.00');
  assert.equal(formatMoney(0, 'usd'), '$0.00');
});
