import 'server-only';
import { ALL_LOOKUP_KEYS, SHIPPING_RATES, TAX_RATES } from '@/lib/catalog';
import type { CatalogIds } from '@/lib/checkout/types';
import { AppError } from '@/lib/errors';
import { stripe } from '@/lib/stripe/client';
import { StripeRefusedError } from '@/lib/stripe/errors';

/** Our configuration, not the buyer's request: Stripe lacks what the catalog names. */
export class CatalogError extends AppError {
  constructor(message: string) {
    super('catalog_unavailable', 500, message);
  }
}

/** Long enough to spare a lookup per request, short enough that `npm run stripe:seed` shows up soon. */
export const CATALOG_TTL_MS = 60_000;

let cached: { ids: Promise<CatalogIds>; loadedAt: number } | undefined;

/**
 * The Stripe ids of the catalog's prices and shipping rates, looked up at most once a minute (or at once
 * with `fresh`). A failed lookup is not kept, so the next request tries again.
 */
export function catalogIds({ fresh = false, now = Date.now() } = {}): Promise<CatalogIds> {
  if (fresh || !cached || now - cached.loadedAt >= CATALOG_TTL_MS) {
    const ids = loadCatalogIds();
    const entry = { ids, loadedAt: now };
    cached = entry;
    ids.catch(() => {
      if (cached === entry) cached = undefined;
    });
  }
  return cached.ids;
}

/** Stripe refused one of the catalog's ids: missing (the local Stripe restarted, another account) or inactive (re-seeded). */
export const isStaleCatalogError = (error: unknown) =>
  error instanceof StripeRefusedError &&
  /price|shipping_rate|tax_rates/.test(error.param ?? '') &&
  (error.stripeCode === 'resource_missing' || /inactive/i.test(error.message));

/**
 * Runs a Stripe call with the catalog's ids. When Stripe says one of them is gone, the ids are looked up
 * again and the call made once more; still refused, it is our configuration: a 500, not the buyer's 400.
 */
export async function withCatalogIds<T>(call: (ids: CatalogIds) => Promise<T>): Promise<T> {
  try {
    return await call(await catalogIds());
  } catch (error) {
    if (!isStaleCatalogError(error)) throw error;
  }
  try {
    return await call(await catalogIds({ fresh: true }));
  } catch (error) {
    if (isStaleCatalogError(error))
      throw new CatalogError(`Stripe refused a catalog id after a fresh lookup: ${(error as Error).message}`);
    throw error;
  }
}

async function loadCatalogIds(): Promise<CatalogIds> {
  const client = stripe();
  const [prices, rates, taxRates] = await Promise.all([
    client.prices.list({ lookup_keys: [...ALL_LOOKUP_KEYS], active: true, limit: 100 }),
    client.shippingRates.list({ active: true, limit: 100 }),
    client.taxRates.list({ active: true, limit: 100 }),
  ]);
  const priceIds = new Map(prices.data.map((price) => [price.lookup_key ?? '', price.id]));
  const missing = ALL_LOOKUP_KEYS.filter((key) => !priceIds.has(key));
  const byCatalogId = (objects: ReadonlyArray<{ id: string; metadata: Record<string, string> | null }>) =>
    new Map(
      objects.flatMap((object) =>
        object.metadata?.catalog_id ? [[object.metadata.catalog_id, object.id] as const] : [],
      ),
    );
  const rateIds = byCatalogId(rates.data);
  const taxRateIds = byCatalogId(taxRates.data);
  missing.push(...SHIPPING_RATES.filter((rate) => !rateIds.has(rate.id)).map((rate) => `shipping:${rate.id}`));
  missing.push(...TAX_RATES.filter((rate) => !taxRateIds.has(rate.id)).map((rate) => `tax:${rate.id}`));
  if (missing.length > 0) {
    throw new CatalogError(`Stripe has no active ${missing.join(', ')}: run \`npm run stripe:seed\``);
  }
  return { prices: priceIds, shippingRates: rateIds, taxRates: taxRateIds };
}
