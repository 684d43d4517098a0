// Tax rates (percentage, inclusive or exclusive): create, retrieve, update, list.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { bool, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';
import { byActive, METADATA, mergeMetadata, type Metadata } from './common';
import { respond } from './render';

const TAX_TYPES = ['amusement_tax', 'communications_tax', 'gst', 'hst', 'igst', 'jct', 'lease_tax', 'pst', 'qst', 'retail_delivery_fee', 'rst', 'sales_tax', 'service_tax', 'vat'] as const;

const EDITABLE: Record<string, Spec> = {
  active: bool(),
  country: str(),
  description: str({ max: 5000 }),
  display_name: str({ max: 50 }),
  jurisdiction: str({ max: 50 }),
  metadata: METADATA,
  state: str(),
  tax_type: str({ enum: TAX_TYPES }),
};

export function getTaxRate(ctx: RequestCtx, id: string, param = 'id'): Stripe.TaxRate {
  const rate = ctx.store.get('tax_rate', id);
  if (!rate) throw notFound('tax rate', id, param);
  return rate;
}

function create(ctx: RequestCtx, p: Params): Stripe.TaxRate {
  // Percentages are decimals on the wire (`19.6`); the schema keeps them as strings, checked here.
  const percentage = Number(p.percentage);
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
    throw invalid(`Invalid decimal: ${String(p.percentage)}`, 'percentage');
  }
  const id = newId('txr');
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  const rate: Stripe.TaxRate = {
    id,
    object: 'tax_rate',
    active: p.active !== false,
    country: s(p.country),
    created: ctx.clock.now(),
    description: s(p.description),
    display_name: p.display_name as string,
    effective_percentage: percentage,
    flat_amount: null,
    inclusive: p.inclusive as boolean,
    jurisdiction: s(p.jurisdiction),
    jurisdiction_level: null,
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    percentage,
    rate_type: 'percentage',
    state: s(p.state),
    tax_type: (s(p.tax_type) as Stripe.TaxRate.TaxType | null) ?? null,
  };
  return ctx.store.put('tax_rate', id, rate);
}

function update(ctx: RequestCtx, p: Params, id: string): Stripe.TaxRate {
  const rate = getTaxRate(ctx, id);
  const next: Stripe.TaxRate = { ...rate, metadata: mergeMetadata(rate.metadata as Metadata, p.metadata) };
  for (const key of ['active', 'country', 'description', 'display_name', 'jurisdiction', 'state', 'tax_type'] as const) {
    if (p[key] !== undefined) Object.assign(next, { [key]: p[key] });
  }
  return ctx.store.put('tax_rate', id, next);
}

export const taxRateRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/tax_rates',
    auth: 'secret',
    params: {
      ...EDITABLE,
      display_name: str({ max: 50, required: true }),
      inclusive: bool({ required: true }),
      percentage: str({ required: true }),
    },
    handle: (ctx, p) => respond(ctx, create(ctx, p), p.expand),
  },
  retrieveRoute('/v1/tax_rates/:id', (ctx, id) => getTaxRate(ctx, id)),
  { method: 'POST', pattern: '/v1/tax_rates/:id', auth: 'secret', params: EDITABLE, handle: (ctx, p, path) => respond(ctx, update(ctx, p, path.id ?? ''), p.expand) },
  {
    method: 'GET',
    pattern: '/v1/tax_rates',
    auth: 'secret',
    params: { ...LIST_PARAMS, active: bool(), inclusive: bool() },
    handle: (ctx, p) => {
      let items = byActive(newestFirst(ctx.store.table('tax_rate')), p.active);
      if (typeof p.inclusive === 'boolean') items = items.filter((i) => i.inclusive === p.inclusive);
      return respond(ctx, paginate(items, p, '/v1/tax_rates', 'tax rate'), p.expand);
    },
  },
];
