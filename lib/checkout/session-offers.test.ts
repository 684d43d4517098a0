import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { trialDaysFor, trialUpdate } from '@/lib/checkout/session-offers';

const IDS = {
  prices: new Map([
    ['coffee_club_monthly', 'price_m'],
    ['coffee_club_yearly', 'price_y'],
    ['house_blend_340g', 'price_beans'],
  ]),
  shippingRates: new Map<string, string>(),
};
const OPTIONS = { returnUrl: 'https://shop.test/checkout/return', bindingTag: 'tag_1', expiresAt: 1_900_000_000 };
const PLAN_CART = (interval: 'monthly' | 'yearly') => ({ kind: 'plan' as const, planId: 'coffee-club', interval });
const BEANS = { kind: 'products' as const, items: [{ productId: 'house-blend', quantity: 1 }] };

test('trial days per interval: 7 monthly, 14 yearly', () => {
  assert.equal(trialDaysFor('monthly'), 7);
  assert.equal(trialDaysFor('yearly'), 14);
});

test('GA: both modes take promotion codes, no server discount, no trial', () => {
  for (const cart of [PLAN_CART('monthly'), BEANS]) {
    const params = sessionCreateParams(cart, IDS, { ...OPTIONS, profile: 'ga' });
    assert.equal('allow_promotion_codes' in params && params.allow_promotion_codes, true);
    assert.ok(!('permissions' in params) || !('update_discounts' in (params.permissions ?? {})), 'no server discount in GA');
    assert.ok(!('subscription_data' in params));
  }
});

test('preview: the server decides discounts, never with promotion codes; a plan starts with its interval trial', () => {
  for (const [interval, days] of [['monthly', 7], ['yearly', 14]] as const) {
    const params = sessionCreateParams(PLAN_CART(interval), IDS, { ...OPTIONS, profile: 'seed' });
    assert.ok(!('allow_promotion_codes' in params), 'Stripe refuses allow_promotion_codes beside discounts');
    assert.deepEqual('subscription_data' in params && params.subscription_data, { trial_period_days: days });
  }
  const cart = sessionCreateParams(BEANS, IDS, { ...OPTIONS, profile: 'seed' });
  assert.ok('permissions' in cart && cart.permissions?.update_discounts === 'server_only');
  assert.ok(!('subscription_data' in cart));
});

test('an interval switch carries the new interval’s trial on the preview profile, nothing on GA', () => {
  assert.deepEqual(trialUpdate('seed', 'yearly'), { trialPeriodDays: 14 });
  assert.deepEqual(trialUpdate('seed', 'monthly'), { trialPeriodDays: 7 });
  assert.deepEqual(trialUpdate('ga', 'yearly'), {});
});
