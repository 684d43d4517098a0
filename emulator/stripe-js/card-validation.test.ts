import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardParams, checkCard, firstError, formatCardNumber, formatExpiry, MESSAGES } from './card-validation';

const now = new Date('2026-11-24T00:00:00Z');
const good = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };

test('a good test card is complete', () => {
  assert.deepEqual(checkCard(good, now), { complete: true, empty: false, errors: {} });
  assert.deepEqual(cardParams(good), { number: '4242424242424242', exp_month: '12', exp_year: '2034', cvc: '123' });
});

test('each field reports its problem', () => {
  const cases: Array<[Partial<typeof good>, string]> = [
    [{ number: '4242 4242' }, MESSAGES.numberIncomplete],
    [{ number: '4242 4242 4242 4241' }, MESSAGES.numberInvalid],
    [{ expiry: '12 / 3' }, MESSAGES.expiryIncomplete],
    [{ expiry: '01 / 20' }, MESSAGES.expiryPast],
    [{ expiry: '13 / 30' }, MESSAGES.expiryMonth],
    [{ cvc: '12' }, MESSAGES.cvcIncomplete],
  ];
  for (const [change, message] of cases) {
    const check = checkCard({ ...good, ...change }, now);
    assert.equal(check.complete, false);
    assert.equal(firstError(check), message);
  }
});

test('an empty card is empty and incomplete', () => {
  const check = checkCard({ number: '', expiry: '', cvc: '' }, now);
  assert.equal(check.empty, true);
  assert.equal(check.complete, false);
});

test('inputs are formatted as the buyer types', () => {
  assert.equal(formatCardNumber('4000000000009995'), '4000 0000 0000 9995');
  assert.equal(formatExpiry('1234'), '12 / 34');
  assert.equal(formatExpiry('5'), '05');
  assert.equal(formatExpiry('12'), '12');
});
