// Shipping rates (fixed_amount): create, retrieve, update, list. Also built inline from
// `shipping_rate_data` on a Checkout Session.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { missingParam, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { bool, int, obj, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';
import { byActive, CURRENCY, currencyOf, METADATA, mergeMetadata, type Metadata } from './common';
import { respond } from './render';

const UNITS = ['business_day', 'day', 'hour', 'month', 'week'] as const;
const BOUND: Spec = obj({ unit: str({ enum: UNITS, required: true }), value: int({ min: 1, required: true }) });

export const SHIPPING_RATE_DATA: Record<string, Spec> = {
  display_name: str({ max: 100, required: true }),
  type: str({ enum: ['fixed_amount'] }),
  fixed_amount: obj({ amount: int({ min: 0, required: true }), currency: { ...CURRENCY, required: true } }),
  delivery_estimate: obj({ minimum: BOUND, maximum: BOUND }),
  metadata: METADATA,
  tax_behavior: str({ enum: ['exclusive', 'inclusive', 'unspecified'] }),
  tax_code: str(),
};

export function getShippingRate(ctx: RequestCtx, id: string, param = 'id'): Stripe.ShippingRate {
  const rate = ctx.store.get('shipping_rate', id);
  if (!rate) throw notFound('shipping rate', id, param);
  return rate;
}

/** A shipping rate not yet stored (a session's `shipping_rate_data` is stored only if the request succeeds). */
export function buildShippingRate(ctx: RequestCtx, p: Params, prefix = ''): Stripe.ShippingRate {
  const fixed = p.fixed_amount as Params | undefined;
  // Stripe requires fixed_amount for the only type it supports.
  if (!fixed) throw missingParam(prefix ? `${prefix}[fixed_amount]` : 'fixed_amount');
  const estimate = p.delivery_estimate as { minimum?: Params; maximum?: Params } | undefined;
  const bound = (b?: Params) => (b ? { unit: b.unit as Stripe.ShippingRate.DeliveryEstimate.Maximum.Unit, value: b.value as number } : null);
  const id = newId('shr');
  const rate: Stripe.ShippingRate = {
    id,
    object: 'shipping_rate',
    active: true,
    created: ctx.clock.now(),
    delivery_estimate: estimate ? { minimum: bound(estimate.minimum), maximum: bound(estimate.maximum) } : null,
    display_name: p.display_name as string,
    fixed_amount: { amount: fixed.amount as number, currency: currencyOf(fixed.currency) },
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    tax_behavior: (p.tax_behavior as Stripe.ShippingRate.TaxBehavior | undefined) ?? 'unspecified',
    tax_code: (p.tax_code as string | undefined) ?? null,
    type: 'fixed_amount',
  };
  return rate;
}

function update(ctx: RequestCtx, p: Params, id: string): Stripe.ShippingRate {
  const rate = getShippingRate(ctx, id);
  return ctx.store.put('shipping_rate', id, {
    ...rate,
    active: (p.active as boolean | undefined) ?? rate.active,
    tax_behavior: (p.tax_behavior as Stripe.ShippingRate.TaxBehavior | undefined) ?? rate.tax_behavior,
    metadata: mergeMetadata(rate.metadata as Metadata, p.metadata),
  });
}

export const shippingRateRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/shipping_rates',
    auth: 'secret',
    params: SHIPPING_RATE_DATA,
    handle: (ctx, p) => {
      const rate = buildShippingRate(ctx, p);
      return respond(ctx, ctx.store.put('shipping_rate', rate.id, rate), p.expand);
    },
  },
  retrieveRoute('/v1/shipping_rates/:id', (ctx, id) => getShippingRate(ctx, id)),
  {
    method: 'POST',
    pattern: '/v1/shipping_rates/:id',
    auth: 'secret',
    params: { active: bool(), metadata: METADATA, tax_behavior: str({ enum: ['exclusive', 'inclusive', 'unspecified'] }) },
    handle: (ctx, p, path) => respond(ctx, update(ctx, p, path.id ?? ''), p.expand),
  },
  {
    method: 'GET',
    pattern: '/v1/shipping_rates',
    auth: 'secret',
    params: { ...LIST_PARAMS, active: bool(), currency: CURRENCY },
    handle: (ctx, p) => {
      let items = byActive(newestFirst(ctx.store.table('shipping_rate')), p.active);
      if (typeof p.currency === 'string') items = items.filter((i) => i.fixed_amount?.currency === currencyOf(p.currency));
      return respond(ctx, paginate(items, p, '/v1/shipping_rates', 'shipping rate'), p.expand);
    },
  },
];
