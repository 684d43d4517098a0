import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLocalStripe, type Harness } from '@/emulator/test-helpers';
import { ALL_LOOKUP_KEYS, ALL_PRODUCTS, PLANS, PRODUCTS, SHIPPING_RATES, TAX_RATES } from '@/lib/catalog';
import { syncCatalog } from '@/lib/stripe/seed';

let harness: Harness;
before(async () => {
  harness = await startLocalStripe();
});
after(() => harness.close());

test('the first sync creates the catalog; the second creates nothing', async () => {
  const first = await syncCatalog(harness.stripe);
  assert.ok(first.created.length > 0);
  const prices = await harness.stripe.prices.list({
    lookup_keys: [...ALL_LOOKUP_KEYS],
    expand: ['data.product'],
    limit: 100,
  });
  assert.equal(prices.data.length, ALL_LOOKUP_KEYS.length);
  for (const plan of PLANS) {
    const yearly = prices.data.find((price) => price.lookup_key === plan.prices.yearly.lookupKey);
    assert.equal(yearly?.unit_amount, plan.prices.yearly.unitAmount);
    assert.equal(yearly?.recurring?.interval, 'year');
    assert.equal(
      typeof yearly?.product === 'object' && 'name' in yearly.product ? yearly.product.name : null,
      plan.name,
    );
  }
  const rates = await harness.stripe.shippingRates.list({ active: true });
  assert.deepEqual(
    rates.data.map((rate) => rate.metadata.catalog_id).sort(),
    SHIPPING_RATES.map((rate) => rate.id).sort(),
  );
  const taxRates = await harness.stripe.taxRates.list({ active: true });
  assert.deepEqual(
    taxRates.data.map((rate) => rate.metadata?.catalog_id).sort(),
    TAX_RATES.map((rate) => rate.id).sort(),
  );
  const ny = taxRates.data.find((rate) => rate.metadata?.catalog_id === 'us-ny');
  assert.deepEqual([ny?.percentage, ny?.inclusive, ny?.state], [8.875, false, 'NY']);

  const second = await syncCatalog(harness.stripe);
  assert.deepEqual(second.created, []);
  const productCount = (await harness.stripe.products.list({ limit: 100 })).data.length;
  assert.equal(
    productCount,
    ALL_PRODUCTS.length + PLANS.length,
    'one product per catalog id, a plan one product for both its prices',
  );
});

test('a changed amount moves the lookup key to a new price', async () => {
  const product = PRODUCTS[0]!;
  const before = await harness.stripe.prices.list({ lookup_keys: [product.lookupKey] });
  await harness.stripe.prices.create({
    product: before.data[0]!.product as string,
    currency: 'usd',
    unit_amount: product.unitAmount + 1,
    lookup_key: product.lookupKey,
    transfer_lookup_key: true,
  });
  const report = await syncCatalog(harness.stripe);
  assert.deepEqual(report.created, [`price ${product.lookupKey}`]);
  const after = await harness.stripe.prices.list({ lookup_keys: [product.lookupKey] });
  assert.equal(after.data.length, 1);
  assert.equal(after.data[0]?.unit_amount, product.unitAmount);
});

test('a changed tax percentage archives the old rate and creates a new one', async () => {
  const rate = TAX_RATES[0]!;
  const [old] = (await harness.stripe.taxRates.list({ active: true, limit: 100 })).data.filter(
    (r) => r.metadata?.catalog_id === rate.id,
  );
  await harness.stripe.taxRates.update(old!.id, { active: false });
  const drifted = await harness.stripe.taxRates.create({
    display_name: rate.displayName,
    percentage: rate.percentage + 1,
    inclusive: rate.inclusive,
    metadata: { catalog_id: rate.id },
  });
  const report = await syncCatalog(harness.stripe);
  assert.deepEqual(report.created, [`tax ${rate.id}`]);
  assert.equal((await harness.stripe.taxRates.retrieve(drifted.id)).active, false);
  const active = (await harness.stripe.taxRates.list({ active: true, limit: 100 })).data.filter(
    (r) => r.metadata?.catalog_id === rate.id,
  );
  assert.deepEqual(
    active.map((r) => r.percentage),
    [rate.percentage],
  );
});
