import 'server-only';
import type Stripe from 'stripe';
import {
  ALL_PRODUCTS,
  BILLING_INTERVALS,
  CURRENCY,
  PLANS,
  SHIPPING_RATES,
  TAX_RATES,
  type ShippingRate,
  type TaxRate,
} from '@/lib/catalog';
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
  ...PLANS.flatMap((plan) =>
    BILLING_INTERVALS.map((interval) => ({
      catalogId: plan.id,
      name: plan.name,
      description: plan.description,
      ...plan.prices[interval],
    })),
  ),
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
 * one active price per lookup key, one active shipping rate per catalog shipping rate, one active tax rate
 * per catalog tax rate (a changed percentage archives the old rate and creates a new one: Stripe's is
 * immutable).
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

  await syncImmutable(
    report,
    'shipping',
    SHIPPING_RATES,
    (await client.shippingRates.list({ active: true, limit: 100 })).data,
    {
      same: sameShippingRate,
      archive: (id) => client.shippingRates.update(id, { active: false }),
      create: (rate) =>
        client.shippingRates.create({
          display_name: rate.displayName,
          type: 'fixed_amount',
          fixed_amount: { amount: rate.amount, currency: CURRENCY },
          delivery_estimate: {
            minimum: { unit: 'business_day', value: rate.deliveryDays.minimum },
            maximum: { unit: 'business_day', value: rate.deliveryDays.maximum },
          },
          metadata: { catalog_id: rate.id },
        }),
    },
  );
  await syncImmutable(report, 'tax', TAX_RATES, (await client.taxRates.list({ active: true, limit: 100 })).data, {
    same: sameTaxRate,
    archive: (id) => client.taxRates.update(id, { active: false }),
    create: (rate) =>
      client.taxRates.create({
        display_name: rate.displayName,
        percentage: rate.percentage,
        inclusive: rate.inclusive,
        country: rate.country,
        ...(rate.state && { state: rate.state }),
        jurisdiction: rate.jurisdiction,
        tax_type: rate.inclusive ? 'vat' : 'sales_tax',
        metadata: { catalog_id: rate.id },
      }),
  });
  await syncPromotionCodes(client, report, [...products.values()]);
  return report;
}

/**
 * One active Stripe object per catalog entry, found by `metadata.catalog_id`, for objects whose amounts
 * Stripe never changes (shipping rates, tax rates): a changed entry gets a new object, and the others with
 * its catalog id are archived.
 */
async function syncImmutable<
  Spec extends { id: string },
  Existing extends { id: string; metadata: Stripe.Metadata | null },
>(
  report: SeedReport,
  label: string,
  specs: readonly Spec[],
  existing: readonly Existing[],
  ops: {
    same: (existing: Existing, spec: Spec) => boolean;
    archive: (id: string) => Promise<unknown>;
    create: (spec: Spec) => Promise<unknown>;
  },
): Promise<void> {
  for (const spec of specs) {
    const matches = existing.filter((object) => object.metadata?.catalog_id === spec.id);
    const current = matches.find((object) => ops.same(object, spec));
    for (const stale of matches.filter((object) => object !== current)) await ops.archive(stale.id);
    if (current) {
      report.kept.push(`${label} ${spec.id}`);
      continue;
    }
    await ops.create(spec);
    report.created.push(`${label} ${spec.id}`);
  }
}

function sameTaxRate(existing: Stripe.TaxRate, rate: TaxRate): boolean {
  return (
    existing.display_name === rate.displayName &&
    existing.percentage === rate.percentage &&
    existing.inclusive === rate.inclusive
  );
}

function sameShippingRate(existing: Stripe.ShippingRate, rate: ShippingRate): boolean {
  return (
    existing.display_name === rate.displayName &&
    existing.fixed_amount?.amount === rate.amount &&
    existing.fixed_amount?.currency === CURRENCY
  );
}
