import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitReason } from '@/components/checkout/wait-reason';

const address = {
  name: 'Ada',
  address: { line1: '1 Main', line2: null, city: 'Austin', state: 'TX', postal_code: '78701', country: 'US' },
};
const option = {
  id: 'shr_1',
  minorUnitsAmount: 600,
  amount: '$6.00',
  currency: 'usd',
  displayName: 'Standard',
  deliveryEstimate: null,
};
const ready = {
  canConfirm: true,
  shippingAddress: address,
  shippingOptions: [option],
  shipping: { shippingOption: option, taxAmounts: null },
};
type Session = Parameters<typeof waitReason>[0]['session'];
const reason = (session: Partial<Session>, draft: 'empty' | 'same' | 'differs' = 'same', pending = false) =>
  waitReason({ session: { ...ready, ...session } as Session, pending, draft, subscription: false, ships: true });

test('Pay waits with a reason for each missing piece, in the order the buyer meets them', () => {
  assert.equal(reason({}, 'same', true), 'Updating your order…');
  assert.equal(reason({}, 'differs'), 'Use this address to see shipping and tax.');
  assert.match(
    reason({ shippingAddress: null, shippingOptions: [], shipping: null, canConfirm: false }, 'empty')!,
    /Enter your shipping address/,
  );
  assert.equal(reason({ shipping: null, canConfirm: false }), 'Choose a delivery option.');
  assert.equal(reason({ canConfirm: false }), 'Complete your payment details.');
});

test('Pay is free to go when what the buyer sees is what Stripe holds, the form left blank included', () => {
  assert.equal(reason({}), null);
  assert.equal(reason({}, 'empty'), null);
});

test('a plan that ships nothing never waits for an address', () => {
  const noAddress = { ...ready, shippingAddress: null, shippingOptions: [], shipping: null } as Session;
  assert.equal(
    waitReason({ session: noAddress, pending: false, draft: 'empty', subscription: true, ships: false }),
    null,
  );
  assert.match(
    waitReason({ session: noAddress, pending: false, draft: 'empty', subscription: true, ships: true })!,
    /Enter your shipping address/,
  );
});
