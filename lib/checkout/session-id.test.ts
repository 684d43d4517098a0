import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkoutSessionIdSchema, isCheckoutSessionId } from '@/lib/checkout/session-id';

test('session ids: Stripe-shaped and bounded', () => {
  const real = 'cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ0123456789abcdefghijklmnopq';
  assert.equal(isCheckoutSessionId(real), true);
  assert.equal(checkoutSessionIdSchema.safeParse(real).success, true);
  for (const bad of [
    `cs_test_${'a'.repeat(16_000)}`,
    'cs_prod_abc',
    'cs_test_',
    'cs_test_a/../b',
    'pi_123',
    42,
    null,
  ]) {
    assert.equal(isCheckoutSessionId(bad), false, String(bad).slice(0, 30));
    assert.equal(checkoutSessionIdSchema.safeParse(bad).success, false, String(bad).slice(0, 30));
  }
});
