import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLocalStripe, type Harness } from '@/emulator/test-helpers';
import { PRODUCTS } from '@/lib/catalog';
import { CATALOG_TTL_MS, CatalogError, catalogIds, withCatalogIds } from '@/lib/stripe/catalog';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';
import { syncCatalog } from '@/lib/stripe/seed';

let harness: Harness;
const product = PRODUCTS[0]!;
before(async () => {
  harness = await startLocalStripe();
  await syncCatalog(harness.stripe);
  // The app's Stripe door (lib/stripe/client.ts) reads the environment once: point it here first.
  process.env.STRIPE_SECRET_KEY = '';
  process.env.STRIPE_EMULATOR_URL = `http://127.0.0.1:${harness.port}`;
});
after(() => harness.close());

const buy = (priceId: string) =>
  callStripe(() =>
    stripe().checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'elements',
      return_url: 'http://127.0.0.1/return',
      line_items: [{ price: priceId, quantity: 1 }],
    }),
  );

/** What `npm run stripe:seed` does to a changed amount: a new price takes the lookup key; the old one is retired. */
async function reseed() {
  const [old] = (await harness.stripe.prices.list({ lookup_keys: [product.lookupKey] })).data;
  const fresh = await harness.stripe.prices.create({
    product: old!.product as string,
    currency: 'usd',
    unit_amount: old!.unit_amount! + 100,
    lookup_key: product.lookupKey,
    transfer_lookup_key: true,
  });
  await harness.stripe.prices.update(old!.id, { active: false });
  return { old: old!.id, fresh: fresh.id };
}

test('ids are kept for a while, then looked up again', async () => {
  const first = catalogIds({ now: 1_000 });
  assert.equal(catalogIds({ now: 1_000 + CATALOG_TTL_MS - 1 }), first);
  assert.notEqual(catalogIds({ now: 1_000 + CATALOG_TTL_MS }), first);
});

test('a price retired since the lookup: looked up again, and the call made once more with the new id', async () => {
  const cachedId = (await catalogIds()).prices.get(product.lookupKey);
  const { old, fresh } = await reseed();
  assert.equal(cachedId, old, 'the cache still holds the retired price');
  const session = await withCatalogIds((ids) => buy(ids.prices.get(product.lookupKey)!));
  const lines = await harness.stripe.checkout.sessions.listLineItems(session.id);
  assert.equal(lines.data[0]?.price?.id, fresh);
});

test('still refused after a fresh lookup: our configuration, a 500', async () => {
  const { fresh } = await reseed();
  await harness.stripe.prices.update(fresh, { active: false, lookup_key: '' } as never);
  await assert.rejects(
    withCatalogIds((ids) => buy(ids.prices.get(product.lookupKey)!)),
    (error: unknown) => error instanceof CatalogError && error.status === 500,
  );
});
