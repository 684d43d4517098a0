import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLineQuantity } from '@/lib/checkout/checkout-cart';
import { decideCheckout, planCheckoutUpdate } from '@/lib/checkout/decide-checkout';
import type { SessionLine } from '@/lib/checkout/line-items';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';
import { AppError } from '@/lib/errors';

const PLENTY = new Map([
  ['house-blend', 100],
  ['hand-grinder', 100],
  ['ceramic-mug', 100],
  ['tasting-sample', 100],
]);
const IDS = {
  prices: new Map([
    ['house_blend_340g', 'price_beans'],
    ['ceramic_mug', 'price_mug'],
    ['tasting_sample', 'price_gift'],
  ]),
  shippingRates: new Map([
    ['standard', 'shr_std'],
    ['standard-free', 'shr_free'],
    ['express', 'shr_exp'],
    ['international', 'shr_int'],
  ]),
  taxRates: new Map([
    ['us-ca', 'txr_ca'],
    ['de-vat', 'txr_de'],
  ]),
};
const beans = (quantity: number, taxRateIds: string[] = []): SessionLine => ({
  id: 'li_beans',
  priceId: 'price_beans',
  lookupKey: 'house_blend_340g',
  quantity,
  taxRateIds,
});
const to = (country: string, state: string | null, postalCode: string): ShippingDetails => ({
  name: 'Ada Buyer',
  address: { line1: '1 Main St', line2: null, city: 'Town', state, postalCode, country },
});
const CA = to('US', 'CA', '95814');

test('without an address: the cart rules alone, no shipping, no tax', () => {
  const session = { lines: [beans(2)], shipping: null };
  const decision = decideCheckout(session, { intent: setLineQuantity('li_beans', 3) }, PLENTY);
  assert.deepEqual(decision.shippingOptions, []);
  const update = planCheckoutUpdate(session, decision, IDS, false);
  assert.deepEqual(update.params, [{ id: 'li_beans', quantity: 3 }]);
  assert.ok(!('shippingOptions' in update));
});

test('a new address: options and tax for it, every line taxed, the address sent', () => {
  const session = { lines: [beans(2)], shipping: null };
  const decision = decideCheckout(session, { shipping: CA }, PLENTY);
  assert.equal(decision.unchanged, false);
  const update = planCheckoutUpdate(session, decision, IDS, true);
  assert.deepEqual(update.params, [{ id: 'li_beans', tax_rates: ['txr_ca'] }]);
  assert.deepEqual(update.shippingOptions, ['shr_std', 'shr_exp']);
  assert.deepEqual(update.shippingDetails, CA);
});

test('a quantity past the free-shipping threshold: free standard instead, kept tax not resent, the new gift taxed', () => {
  const session = { lines: [beans(2, ['txr_ca'])], shipping: CA };
  const decision = decideCheckout(session, { intent: setLineQuantity('li_beans', 5) }, PLENTY); // $80: free shipping and the gift
  const update = planCheckoutUpdate(session, decision, IDS, false);
  assert.deepEqual(update.params, [
    { id: 'li_beans', quantity: 5 },
    { price: 'price_gift', quantity: 1, tax_rates: ['txr_ca'] },
  ]);
  assert.deepEqual(update.shippingOptions, ['shr_free', 'shr_exp']);
  assert.ok(!('shippingDetails' in update), 'the address is unchanged');
});

test('another country: the international rate, its VAT; an untaxed destination clears the rates', () => {
  const session = { lines: [beans(2, ['txr_ca'])], shipping: CA };
  const de = planCheckoutUpdate(
    session,
    decideCheckout(session, { shipping: to('DE', null, '10115') }, PLENTY),
    IDS,
    true,
  );
  assert.deepEqual(de.params, [{ id: 'li_beans', tax_rates: ['txr_de'] }]);
  assert.deepEqual(de.shippingOptions, ['shr_int']);
  const oregon = planCheckoutUpdate(
    session,
    decideCheckout(session, { shipping: to('US', 'OR', '97201') }, PLENTY),
    IDS,
    true,
  );
  assert.deepEqual(oregon.params, [{ id: 'li_beans', tax_rates: '' }]);
});

test('nothing to send when neither the cart nor the address change; a country we do not ship to is refused', () => {
  const session = { lines: [beans(2, ['txr_ca'])], shipping: CA };
  assert.equal(decideCheckout(session, { intent: setLineQuantity('li_beans', 2) }, PLENTY).unchanged, true);
  assert.throws(
    () => decideCheckout(session, { shipping: to('JP', null, '1000001') }, PLENTY),
    (error: AppError) => error.publicMessage === "We don't ship to Japan.",
  );
});
