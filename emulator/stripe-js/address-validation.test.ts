import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressProblems, INCOMPLETE, type AddressFields } from './address-validation';

const sacramento: AddressFields = {
  name: 'Ada',
  country: 'US',
  line1: '1 Capitol Mall',
  line2: '',
  city: 'Sacramento',
  state: 'CA',
  postal_code: '95814',
};

test('a complete address in a known format has no problems', () => {
  assert.deepEqual(addressProblems(sacramento), {});
  assert.deepEqual(addressProblems({ ...sacramento, postal_code: '95814-1234', state: 'ca' }), {});
  assert.deepEqual(
    addressProblems({ ...sacramento, country: 'DE', state: '', postal_code: '10115', city: 'Berlin' }),
    {},
  );
  assert.deepEqual(addressProblems({ ...sacramento, country: 'GB', state: '', postal_code: 'SW1A 1AA' }), {});
});

test('each missing required field is incomplete; line 2 never is', () => {
  const problems = addressProblems({ ...sacramento, name: ' ', line1: '', city: '', postal_code: '', state: '' });
  assert.deepEqual(problems, {
    name: INCOMPLETE,
    line1: INCOMPLETE,
    city: INCOMPLETE,
    postal_code: INCOMPLETE,
    state: INCOMPLETE,
  });
});

test('a postal code or state in the wrong format is invalid, named as the country names it', () => {
  assert.equal(addressProblems({ ...sacramento, postal_code: '9581' }).postal_code, 'Your ZIP is invalid.');
  assert.equal(
    addressProblems({ ...sacramento, country: 'DE', state: '', postal_code: 'ABCDE' }).postal_code,
    'Your postal code is invalid.',
  );
  assert.equal(
    addressProblems({ ...sacramento, country: 'NL', state: '', postal_code: '1012' }).postal_code,
    'Your postal code is invalid.',
  );
  assert.equal(addressProblems({ ...sacramento, state: 'XX' }).state, 'Your state is invalid.');
  assert.equal(
    addressProblems({ ...sacramento, country: 'CA', state: 'ZZ', postal_code: 'K1A 0B1' }).state,
    'Your province is invalid.',
  );
});
