// Shipping rates (fixed_amount): create, retrieve, update, list. Also built inline from
// `shipping_rate_data` on a Checkout Session.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { missingParam, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { bool, int, LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import { byActive, CURRENCY, currencyOf, METADATA, mergeMetadata, REQUIRED_CURRENCY, TAX_BEHAVIOR } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const UNITS = ['business_day', 'day', 'hour', 'month', 'week'] as const;
const BOUND_FIELDS = { unit: str({ enum: UNITS, required: true }), value: int({ min: 1, required: true }) };
const BOUND = obj(BOUND_FIELDS);

export const SHIPPING_RATE_DATA = {
  display_name: str({ max: 100, required: true }),
  type: str({ enum: ['fixed_amount'] }),
  fixed_amount: obj({ amount: int({ min: 0, required: true }), currency: REQUIRED_CURRENCY }),
  delivery_estimate: obj({ minimum: BOUND, maximum: BOUND }),
  metadata: METADATA,
  tax_behavior: TAX_BEHAVIOR,
  tax_code: str(),
};
export type ShippingRateData = ParamsOf<typeof SHIPPING_RATE_DATA>;

const UPDATE_FIELDS = { active: bool(), metadata: METADATA, tax_behavior: TAX_BEHAVIOR };

export function getShippingRate(ctx: RequestCtx, id: string, param = 'id'): Stripe.ShippingRate {
  const rate = ctx.store.get('shipping_rate', id);
  if (!rate) throw notFound('shipping rate', id, param);
  return rate;
}

/** A shipping rate not yet stored (a session's `shipping_rate_data` is stored only if the request succeeds). */
export function buildShippingRate(ctx: RequestCtx, params: ShippingRateData, prefix = ''): Stripe.ShippingRate {
  const fixed = params.fixed_amount;
  // Stripe requires fixed_amount for the only type it supports.
  if (!fixed) throw missingParam(prefix ? `${prefix}[fixed_amount]` : 'fixed_amount');
  const estimate = params.delivery_estimate;
  const bound = (given?: ParamsOf<typeof BOUND_FIELDS>) => (given ? { unit: given.unit, value: given.value } : null);
  const id = newId('shr');
  const rate: Stripe.ShippingRate = {
    id,
    object: 'shipping_rate',
    active: true,
    created: ctx.clock.now(),
    delivery_estimate: estimate ? { minimum: bound(estimate.minimum), maximum: bound(estimate.maximum) } : null,
    display_name: params.display_name,
    fixed_amount: { amount: fixed.amount, currency: currencyOf(fixed.currency) },
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    tax_behavior: params.tax_behavior ?? 'unspecified',
    tax_code: params.tax_code ?? null,
    type: 'fixed_amount',
  };
  return rate;
}

function update(ctx: RequestCtx, params: ParamsOf<typeof UPDATE_FIELDS>, id: string): Stripe.ShippingRate {
  const rate = getShippingRate(ctx, id);
  return ctx.store.put('shipping_rate', id, {
    ...rate,
    active: params.active ?? rate.active,
    tax_behavior: params.tax_behavior ?? rate.tax_behavior,
    metadata: mergeMetadata(rate.metadata, params.metadata),
  });
}

export const shippingRateRoutes: Route[] = [
  createRoute('/v1/shipping_rates', SHIPPING_RATE_DATA, (ctx, params) => {
    const rate = buildShippingRate(ctx, params);
    return ctx.store.put('shipping_rate', rate.id, rate);
  }),
  retrieveRoute('/v1/shipping_rates/:id', (ctx, id) => getShippingRate(ctx, id)),
  updateRoute('/v1/shipping_rates/:id', UPDATE_FIELDS, update),
  listRoute('/v1/shipping_rates', { ...LIST_FIELDS, active: bool(), currency: CURRENCY }, (ctx, params) => {
    let items = byActive(newestFirst(ctx.store.table('shipping_rate')), params.active);
    const { currency } = params;
    if (currency !== undefined) items = items.filter((rate) => rate.fixed_amount?.currency === currencyOf(currency));
    return paginate(items, params, '/v1/shipping_rates', 'shipping rate');
  }),
];
