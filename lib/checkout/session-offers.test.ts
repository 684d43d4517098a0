import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_LOOKUP_KEYS, BILLING_INTERVALS, PLANS, type BillingInterval, type Plan } from '@/lib/catalog';
import { sessionCreateParams } from '@/lib/checkout/session-params';
import { trialUpdate } from '@/lib/checkout/session-offers';

const IDS = {
  prices: new Map(ALL_LOOKUP_KEYS.map((key) => [key, `price_${key}`])),
  shippingRates: new Map<string, string>(),
};
const OPTIONS = { returnUrl: 'https://shop.test/checkout/return', bindingTag: 'tag_1', expiresAt: 1_900_000_000 };
const [CLUB] = PLANS as [Plan, ...Plan[]];
const PLAN_CART = (interval: BillingInterval, plan: Plan = CLUB) => ({
  kind: 'plan' as const,
  planId: plan.id,
  interval,
});
const BEANS = { kind: 'products' as const, items: [{ productId: 'house-blend', quantity: 1 }] };

test('every plan of the catalog: its price for the interval, its trial (preview), an address when it ships', () => {
  for (const plan of PLANS) {
    for (const interval of BILLING_INTERVALS) {
      const params = sessionCreateParams(PLAN_CART(interval, plan), IDS, { ...OPTIONS, profile: 'seed' });
      assert.deepEqual(params.line_items, [{ price: `price_${plan.prices[interval].lookupKey}`, quantity: 1 }]);
      assert.deepEqual('subscription_data' in params && params.subscription_data, {
        trial_period_days: plan.trialDays[interval],
      });
      assert.equal('shipping_address_collection' in params, plan.ships, `${plan.id} ships: ${plan.ships}`);
    }
  }
});

test('the Coffee Club trial: 7 days monthly, 14 yearly', () => {
  assert.deepEqual([CLUB.id, CLUB.trialDays], ['coffee-club', { monthly: 7, yearly: 14 }]);
});

test('GA: both modes take promotion codes, no server discount, no trial', () => {
  for (const cart of [PLAN_CART('monthly'), BEANS]) {
    const params = sessionCreateParams(cart, IDS, { ...OPTIONS, profile: 'ga' });
    assert.equal('allow_promotion_codes' in params && params.allow_promotion_codes, true);
    assert.ok(
      !('permissions' in params) || !('update_discounts' in (params.permissions ?? {})),
      'no server discount in GA',
    );
    assert.ok(!('subscription_data' in params));
  }
});

test('preview: the server decides discounts, never with promotion codes; a plan starts with its interval trial', () => {
  for (const [interval, days] of [
    ['monthly', 7],
    ['yearly', 14],
  ] as const) {
    const params = sessionCreateParams(PLAN_CART(interval), IDS, { ...OPTIONS, profile: 'seed' });
    assert.ok(!('allow_promotion_codes' in params), 'Stripe refuses allow_promotion_codes beside discounts');
    assert.deepEqual('subscription_data' in params && params.subscription_data, { trial_period_days: days });
  }
  const cart = sessionCreateParams(BEANS, IDS, { ...OPTIONS, profile: 'seed' });
  assert.ok('permissions' in cart && cart.permissions?.update_discounts === 'server_only');
  assert.ok(!('subscription_data' in cart));
});

test('an interval switch carries the new interval’s trial on the preview profile, nothing on GA', () => {
  assert.deepEqual(trialUpdate('seed', CLUB, 'yearly'), { trialPeriodDays: 14 });
  assert.deepEqual(trialUpdate('seed', CLUB, 'monthly'), { trialPeriodDays: 7 });
  assert.deepEqual(trialUpdate('ga', CLUB, 'yearly'), {});
});
