import 'server-only';
import type Stripe from 'stripe';
import { ALL_PRODUCTS, CURRENCY, PLAN, SHIPPING_RATES, type ShippingRate } from '@/lib/catalog';
import { syncPromotionCodes } from '@/lib/stripe/seed-promotions';

type PriceSpec = {
  catalogId: string;
  name: string;
  description: string;
  lookupKey: string;
  unitAmount: number;
  interval?: 'month' | 'year';
};

const PRICE_SPECS: PriceSpec[] = [
  ...(['monthly', 'yearly'] as const).map((interval) => ({
    catalogId: PLAN.id,
    name: PLAN.name,
    description: PLAN.description,
    ...PLAN.prices[interval],
  })),
  ...ALL_PRODUCTS.map(({ id, name, description, lookupKey, unitAmount }) => ({
    catalogId: id,
    name,
    description,
    lookupKey,
    unitAmount,
  })),
];

export type SeedReport = { created: string[]; kept: string[] };

/**
 * Makes a Stripe account hold the catalog: one product per catalog id (found by `metadata.catalog_id`),
 * one active price per lookup key, one active shipping rate per catalog shipping rate.
 * Idempotent: a second run creates nothing. A changed amount creates a new price and moves the lookup key
 * to it (`transfer_lookup_key`), since Stripe prices are immutable.
 */
export async function syncCatalog(client: Stripe): Promise<SeedReport> {
  const report: SeedReport = { created: [], kept: [] };
  const existingPrices = await client.prices.list({
    lookup_keys: PRICE_SPECS.map((spec) => spec.lookupKey),
    active: true,
    limit: 100,
  });
  const products = new Map<string, string>();
  for await (const product of client.products.list({ active: true, limit: 100 })) {
    if (product.metadata.catalog_id) products.set(product.metadata.catalog_id, product.id);
  }

  for (const spec of PRICE_SPECS) {
    const current = existingPrices.data.find((price) => price.lookup_key === spec.lookupKey);
    if (current && current.unit_amount === spec.unitAmount && current.recurring?.interval === spec.interval) {
      report.kept.push(spec.lookupKey);
      continue;
    }
    let productId = products.get(spec.catalogId);
    if (!productId) {
      const product = await client.products.create({
        name: spec.name,
        description: spec.description,
        metadata: { catalog_id: spec.catalogId },
      });
      productId = product.id;
      products.set(spec.catalogId, productId);
      report.created.push(`product ${spec.catalogId}`);
    }
    await client.prices.create({
      product: productId,
      currency: CURRENCY,
      unit_amount: spec.unitAmount,
      lookup_key: spec.lookupKey,
      transfer_lookup_key: Boolean(current),
      ...(spec.interval && { recurring: { interval: spec.interval } }),
    });
    report.created.push(`price ${spec.lookupKey}`);
  }

  const rates = await client.shippingRates.list({ active: true, limit: 100 });
  for (const rate of SHIPPING_RATES) {
    const matches = rates.data.filter((r) => r.metadata?.catalog_id === rate.id);
    const current = matches.find((r) => sameShippingRate(r, rate));
    for (const stale of matches.filter((r) => r !== current)) {
      await client.shippingRates.update(stale.id, { active: false });
    }
    if (current) {
      report.kept.push(`shipping ${rate.id}`);
      continue;
    }
    await client.shippingRates.create({
      display_name: rate.displayName,
      type: 'fixed_amount',
      fixed_amount: { amount: rate.amount, currency: CURRENCY },
      delivery_estimate: {
        minimum: { unit: 'business_day', value: rate.deliveryDays.minimum },
        maximum: { unit: 'business_day', value: rate.deliveryDays.maximum },
      },
      metadata: { catalog_id: rate.id },
    });
    report.created.push(`shipping ${rate.id}`);
  }
  await syncPromotionCodes(client, report);
  return report;
}

function sameShippingRate(existing: Stripe.ShippingRate, rate: ShippingRate): boolean {
  return (
    existing.display_name === rate.displayName &&
    existing.fixed_amount?.amount === rate.amount &&
    existing.fixed_amount?.currency === CURRENCY
  );
}
