import 'server-only';
import { ALL_LOOKUP_KEYS, SHIPPING_RATES } from '@/lib/catalog';
import { stripe } from '@/lib/stripe/client';

export type CatalogIds = {
  /** Price id by catalog lookup key. */
  prices: ReadonlyMap<string, string>;
  /** Shipping rate id by catalog shipping rate id. */
  shippingRates: ReadonlyMap<string, string>;
};

export class CatalogNotSeededError extends Error {
  readonly code = 'catalog_not_seeded';
}

let cached: Promise<CatalogIds> | undefined;

/**
 * Resolves the Stripe ids of the catalog's prices and shipping rates, once per process.
 * A failed lookup is not cached, so the next request tries again.
 */
export function catalogIds(): Promise<CatalogIds> {
  cached ??= loadCatalogIds().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadCatalogIds(): Promise<CatalogIds> {
  const client = stripe();
  const [prices, rates] = await Promise.all([
    client.prices.list({ lookup_keys: [...ALL_LOOKUP_KEYS], active: true, limit: 100 }),
    client.shippingRates.list({ active: true, limit: 100 }),
  ]);
  const priceIds = new Map(prices.data.map((price) => [price.lookup_key ?? '', price.id]));
  const missing = ALL_LOOKUP_KEYS.filter((key) => !priceIds.has(key));
  const rateIds = new Map(
    rates.data.flatMap((rate) => (rate.metadata?.catalog_id ? [[rate.metadata.catalog_id, rate.id] as const] : [])),
  );
  missing.push(...SHIPPING_RATES.filter((rate) => !rateIds.has(rate.id)).map((rate) => `shipping:${rate.id}`));
  if (missing.length > 0) {
    throw new CatalogNotSeededError(`Stripe has no active ${missing.join(', ')}: run \`npm run stripe:seed\``);
  }
  return { prices: priceIds, shippingRates: rateIds };
}
