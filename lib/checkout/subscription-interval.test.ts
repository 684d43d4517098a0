import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineItemRuleError } from '@/lib/checkout/line-items';
import { ALL_LOOKUP_KEYS, PLANS } from '@/lib/catalog';
import { planOfSession, switchIntervalChanges } from '@/lib/checkout/subscription-interval';

const PLAN = { monthly: 'price_m', yearly: 'price_y' };
const MONTHLY = [{ id: 'li_1', priceId: 'price_m', quantity: 1 }];

test('monthly to yearly replaces the plan line with the yearly price', () => {
  assert.deepEqual(switchIntervalChanges(MONTHLY, PLAN, 'yearly'), [
    { kind: 'replace', id: 'li_1', priceId: 'price_y' },
  ]);
});

test('yearly to monthly swaps back', () => {
  const yearly = [{ id: 'li_1', priceId: 'price_y', quantity: 1 }];
  assert.deepEqual(switchIntervalChanges(yearly, PLAN, 'monthly'), [
    { kind: 'replace', id: 'li_1', priceId: 'price_m' },
  ]);
});

test('switching to the current interval changes nothing', () => {
  assert.deepEqual(switchIntervalChanges(MONTHLY, PLAN, 'monthly'), []);
});

test('a session without the plan is refused', () => {
  assert.throws(
    () => switchIntervalChanges([{ id: 'li_1', priceId: 'price_beans', quantity: 1 }], PLAN, 'yearly'),
    LineItemRuleError,
  );
});

test('the plan a session holds is found by its line price, for every plan of the catalog', () => {
  const ids = { prices: new Map(ALL_LOOKUP_KEYS.map((key) => [key, `price_${key}`])) };
  for (const plan of PLANS) {
    const lines = [{ id: 'li_1', priceId: `price_${plan.prices.yearly.lookupKey}`, quantity: 1 }];
    const held = planOfSession(lines, ids);
    assert.equal(held.plan.id, plan.id);
    assert.deepEqual(switchIntervalChanges(lines, held.priceIds, 'monthly'), [
      { kind: 'replace', id: 'li_1', priceId: `price_${plan.prices.monthly.lookupKey}` },
    ]);
  }
  assert.throws(
    () => planOfSession([{ id: 'li_1', priceId: 'price_house_blend_340g', quantity: 1 }], ids),
    LineItemRuleError,
  );
});
