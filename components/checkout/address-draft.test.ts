import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressDraft } from '@/components/checkout/address-draft';

const held = {
  name: 'Ada',
  address: {
    line1: '1 Capitol Mall',
    line2: null,
    city: 'Sacramento',
    state: 'CA',
    postal_code: '95814',
    country: 'US',
  },
};
const form = (changes: Record<string, string | null> = {}) => ({
  empty: false,
  value: { name: 'Ada', address: { ...held.address, line2: '', ...changes } },
});

test('an empty form is no edit; the same address (case and blanks aside) is the one Stripe holds', () => {
  assert.equal(addressDraft(null, held), 'empty');
  assert.equal(addressDraft({ empty: true, value: {} }, held), 'empty');
  assert.equal(addressDraft(form({ city: ' sacramento ' }), held), 'same');
});

test('another country, or any address before the session has one, differs', () => {
  assert.equal(addressDraft(form({ country: 'DE' }), held), 'differs');
  assert.equal(addressDraft(form(), null), 'differs');
});
