// Tax rates (percentage, inclusive or exclusive): create, retrieve, update, list.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { bool, LIST_FIELDS, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import { byActive, METADATA, mergeMetadata } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

// Stripe's 28 tax types (the `tax_type` enum of Stripe's spec, as stripe-node 23's TaxRate.TaxType lists it).
export const TAX_TYPES = [
  'admissions_tax',
  'amusement_tax',
  'attendance_tax',
  'communications_tax',
  'digital_excise_tax',
  'entertainment_tax',
  'get_fund',
  'gross_receipts_tax',
  'gst',
  'hospitality_tax',
  'hst',
  'igst',
  'jct',
  'lease_tax',
  'luxury_tax',
  'mass_transit_parking_tax',
  'nhil',
  'parking_tax',
  'pst',
  'qst',
  'resort_tax',
  'retail_delivery_fee',
  'rst',
  'sales_tax',
  'service_tax',
  'tourism_tax',
  'utility_users_tax',
  'vat',
] as const;

const EDITABLE_FIELDS = {
  active: bool(),
  country: str(),
  description: str({ max: 5000 }),
  display_name: str({ max: 50 }),
  jurisdiction: str({ max: 50 }),
  metadata: METADATA,
  state: str(),
  tax_type: str({ enum: TAX_TYPES }),
};

const CREATE_FIELDS = {
  ...EDITABLE_FIELDS,
  display_name: str({ max: 50, required: true }),
  inclusive: bool({ required: true }),
  // Percentages are decimals on the wire (`19.6`): kept as strings here, checked by `create`.
  percentage: str({ required: true }),
};

export function getTaxRate(ctx: RequestCtx, id: string, param = 'id'): Stripe.TaxRate {
  const rate = ctx.store.get('tax_rate', id);
  if (!rate) throw notFound('tax rate', id, param);
  return rate;
}

function create(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.TaxRate {
  const percentage = Number(params.percentage);
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
    throw invalid(`Invalid decimal: ${params.percentage}`, 'percentage');
  }
  const id = newId('txr');
  const rate: Stripe.TaxRate = {
    id,
    object: 'tax_rate',
    active: params.active !== false,
    country: params.country ?? null,
    created: ctx.clock.now(),
    description: params.description ?? null,
    display_name: params.display_name,
    // Both are Stripe Tax's: null on a manual rate (Stripe's example tax rate, and the spec's "only present for
    // TaxRates created by Stripe Tax" on rate_type).
    effective_percentage: null,
    flat_amount: null,
    inclusive: params.inclusive,
    jurisdiction: params.jurisdiction ?? null,
    jurisdiction_level: null,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    percentage,
    rate_type: null,
    state: params.state ?? null,
    tax_type: params.tax_type ?? null,
  };
  return ctx.store.put('tax_rate', id, rate);
}

function update(ctx: RequestCtx, params: ParamsOf<typeof EDITABLE_FIELDS>, id: string): Stripe.TaxRate {
  const rate = getTaxRate(ctx, id);
  const next: Stripe.TaxRate = { ...rate, metadata: mergeMetadata(rate.metadata, params.metadata) };
  if (params.active !== undefined) next.active = params.active;
  if (params.display_name !== undefined) next.display_name = params.display_name;
  if (params.tax_type !== undefined) next.tax_type = params.tax_type;
  for (const key of ['country', 'description', 'jurisdiction', 'state'] as const) {
    const value = params[key];
    if (value !== undefined) next[key] = value;
  }
  return ctx.store.put('tax_rate', id, next);
}

export const taxRateRoutes: Route[] = [
  createRoute('/v1/tax_rates', CREATE_FIELDS, create),
  retrieveRoute('/v1/tax_rates/:id', (ctx, id) => getTaxRate(ctx, id)),
  updateRoute('/v1/tax_rates/:id', EDITABLE_FIELDS, update),
  listRoute('/v1/tax_rates', { ...LIST_FIELDS, active: bool(), inclusive: bool() }, (ctx, params) => {
    let items = byActive(newestFirst(ctx.store.table('tax_rate')), params.active);
    const { inclusive } = params;
    if (inclusive !== undefined) items = items.filter((rate) => rate.inclusive === inclusive);
    return paginate(items, params, '/v1/tax_rates', 'tax rate');
  }),
];
