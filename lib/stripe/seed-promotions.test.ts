import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLocalStripe, type Harness } from '@/emulator/test-helpers';
import { PROMOTION_CODES } from '@/lib/catalog';
import { syncCatalog } from '@/lib/stripe/seed';

let harness: Harness;
before(async () => {
  harness = await startLocalStripe();
});
after(() => harness.close());

test('the seed makes one coupon and one active code per catalog promotion code, once', async () => {
  const first = await syncCatalog(harness.stripe);
  for (const { code } of PROMOTION_CODES) assert.ok(first.created.includes(`promotion code ${code}`));
  const [welcome] = PROMOTION_CODES;
  const codes = await harness.stripe.promotionCodes.list({ code: welcome!.code, active: true });
  assert.equal(codes.data.length, 1);
  const coupon = await harness.stripe.coupons.retrieve(String(codes.data[0]!.promotion.coupon));
  assert.equal(coupon.percent_off, welcome!.percentOff);
  assert.equal(coupon.duration, welcome!.duration);

  const second = await syncCatalog(harness.stripe);
  assert.deepEqual(second.created, []);
  assert.equal((await harness.stripe.coupons.list()).data.length, PROMOTION_CODES.length);
});

test('a code whose coupon is gone is made again on a new coupon, the old code deactivated', async () => {
  const [welcome] = PROMOTION_CODES;
  const [old] = (await harness.stripe.promotionCodes.list({ code: welcome!.code, active: true })).data;
  await harness.stripe.coupons.del(String(old!.promotion.coupon));
  const report = await syncCatalog(harness.stripe);
  assert.ok(report.created.includes(`promotion code ${welcome!.code}`));
  const active = (await harness.stripe.promotionCodes.list({ code: welcome!.code, active: true })).data;
  assert.equal(active.length, 1);
  assert.notEqual(active[0]!.id, old!.id);
});
