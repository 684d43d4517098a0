// Prices: create (with lookup_key and transfer_lookup_key), retrieve, update, list (lookup_keys[],
// product, active, type, currency, recurring).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, missingParam, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { arr, bool, int, obj, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';
import { byActive, CURRENCY, currencyOf, METADATA, mergeMetadata, type Metadata } from './common';
import { buildProduct, getProduct } from './products';
import { respond } from './render';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const TAX_BEHAVIORS = ['exclusive', 'inclusive', 'unspecified'] as const;

export const RECURRING: Spec = obj({
  interval: str({ enum: INTERVALS, required: true }),
  interval_count: int({ min: 1 }),
  usage_type: str({ enum: ['licensed'] }),
  trial_period_days: int({ min: 1 }),
});

export const PRODUCT_DATA: Spec = obj({
  name: str({ required: true, max: 5000 }),
  active: bool(),
  description: str({ max: 40000 }),
  images: arr(str()),
  metadata: METADATA,
  statement_descriptor: str({ max: 22 }),
  tax_code: str(),
  unit_label: str({ max: 12 }),
});

/** What an update may change; create takes these too. */
const UPDATE: Record<string, Spec> = {
  active: bool(),
  lookup_key: str({ max: 200 }),
  transfer_lookup_key: bool(),
  metadata: METADATA,
  nickname: str({ max: 5000 }),
  tax_behavior: str({ enum: TAX_BEHAVIORS }),
};

const CREATE: Record<string, Spec> = {
  ...UPDATE,
  currency: { ...CURRENCY, required: true },
  product: str(),
  product_data: PRODUCT_DATA,
  unit_amount: int({ min: 0 }),
  unit_amount_decimal: str(),
  recurring: RECURRING,
  billing_scheme: str({ enum: ['per_unit'] }),
};

export function getPrice(ctx: RequestCtx, id: string, param = 'price'): Stripe.Price {
  const price = ctx.store.get('price', id);
  if (!price) throw notFound('price', id, param);
  return price;
}

/** A price with this lookup key moves to `owner` only with transfer_lookup_key (Stripe's rule). */
function claimLookupKey(ctx: RequestCtx, key: string, transfer: unknown, ownerId: string): void {
  for (const other of ctx.store.table('price').values()) {
    if (other.lookup_key !== key || other.id === ownerId) continue;
    if (transfer !== true) {
      throw invalid(
        `A price (\`${other.id}\`) already uses that lookup key. Pass \`transfer_lookup_key=true\` to transfer it to this price.`,
        'lookup_key',
      );
    }
    ctx.store.put('price', other.id, { ...other, lookup_key: null });
  }
}

function createPriceRecord(ctx: RequestCtx, p: Params): Stripe.Price {
  const { price, product } = buildPrice(ctx, p);
  if (typeof p.lookup_key === 'string') claimLookupKey(ctx, p.lookup_key, p.transfer_lookup_key, price.id);
  if (product) ctx.store.put('product', product.id, product);
  return ctx.store.put('price', price.id, price);
}

/**
 * A price (and the product of `product_data`) not yet stored. Also builds `price_data` prices of
 * Checkout line items (`adHoc`: inactive, as Stripe makes them). `prefix` names params in errors (`line_items[0][price_data]`).
 */
export function buildPrice(
  ctx: RequestCtx,
  p: Params,
  opts: { adHoc?: boolean; prefix?: string } = {},
): { price: Stripe.Price; product: Stripe.Product | null } {
  const name = (key: string) => (opts.prefix ? `${opts.prefix}[${key}]` : key);
  if (p.product === undefined && p.product_data === undefined) throw missingParam(name('product'));
  const amount = p.unit_amount ?? (typeof p.unit_amount_decimal === 'string' ? Number(p.unit_amount_decimal) : undefined);
  if (amount === undefined) throw missingParam(name('unit_amount'));
  if (!Number.isInteger(amount)) {
    throw invalid('The local Stripe only supports whole unit amounts.', name('unit_amount_decimal'));
  }
  const newProduct = typeof p.product === 'string' ? null : buildProduct(ctx, p.product_data as Params);
  const product = newProduct ?? getProduct(ctx, p.product as string, name('product'));
  const id = newId('price');
  const recurring = p.recurring as Params | undefined;
  const price: Stripe.Price = {
    id,
    object: 'price',
    active: opts.adHoc ? false : p.active !== false,
    billing_scheme: 'per_unit',
    created: ctx.clock.now(),
    currency: currencyOf(p.currency),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: (p.lookup_key as string | undefined) ?? null,
    metadata: mergeMetadata({}, p.metadata),
    nickname: (p.nickname as string | undefined) ?? null,
    product: product.id,
    recurring: recurring
      ? {
          interval: recurring.interval as Stripe.Price.Recurring.Interval,
          interval_count: (recurring.interval_count as number | undefined) ?? 1,
          meter: null,
          trial_period_days: (recurring.trial_period_days as number | undefined) ?? null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: (p.tax_behavior as Stripe.Price.TaxBehavior | undefined) ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: amount as number,
    // On the wire a decimal is a string; the SDK's type is its parsed Decimal.
    unit_amount_decimal: String(amount) as unknown as NonNullable<Stripe.Price['unit_amount_decimal']>,
  };
  return { price, product: newProduct };
}

function update(ctx: RequestCtx, p: Params, id: string): Stripe.Price {
  const price = getPrice(ctx, id, 'id');
  if (typeof p.lookup_key === 'string' && p.lookup_key !== '') claimLookupKey(ctx, p.lookup_key, p.transfer_lookup_key, id);
  if (p.tax_behavior !== undefined && price.tax_behavior !== 'unspecified' && p.tax_behavior !== price.tax_behavior) {
    throw invalid('tax_behavior cannot be changed once it has been set to exclusive or inclusive.', 'tax_behavior');
  }
  const next: Stripe.Price = {
    ...price,
    active: (p.active as boolean | undefined) ?? price.active,
    lookup_key: p.lookup_key === undefined ? price.lookup_key : p.lookup_key === '' ? null : (p.lookup_key as string),
    nickname: p.nickname === undefined ? price.nickname : p.nickname === '' ? null : (p.nickname as string),
    tax_behavior: (p.tax_behavior as Stripe.Price.TaxBehavior | undefined) ?? price.tax_behavior,
    metadata: mergeMetadata(price.metadata as Metadata, p.metadata),
  };
  return ctx.store.put('price', id, next);
}

function list(ctx: RequestCtx, p: Params) {
  let items = byActive(newestFirst(ctx.store.table('price')), p.active);
  if (Array.isArray(p.lookup_keys)) items = items.filter((i) => (p.lookup_keys as string[]).includes(i.lookup_key ?? ''));
  if (typeof p.product === 'string') items = items.filter((i) => i.product === p.product);
  if (typeof p.type === 'string') items = items.filter((i) => i.type === p.type);
  if (typeof p.currency === 'string') items = items.filter((i) => i.currency === currencyOf(p.currency));
  const interval = (p.recurring as Params | undefined)?.interval;
  if (typeof interval === 'string') items = items.filter((i) => i.recurring?.interval === interval);
  return respond(ctx, paginate(items, p, '/v1/prices', 'price'), p.expand);
}

export const priceRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/prices', auth: 'secret', params: CREATE, handle: (ctx, p) => respond(ctx, createPriceRecord(ctx, p), p.expand) },
  retrieveRoute('/v1/prices/:id', (ctx, id) => getPrice(ctx, id, 'id')),
  { method: 'POST', pattern: '/v1/prices/:id', auth: 'secret', params: UPDATE, handle: (ctx, p, path) => respond(ctx, update(ctx, p, path.id ?? ''), p.expand) },
  {
    method: 'GET',
    pattern: '/v1/prices',
    auth: 'secret',
    params: {
      ...LIST_PARAMS,
      active: bool(),
      currency: CURRENCY,
      lookup_keys: arr(str(), { max: 10 }),
      product: str(),
      type: str({ enum: ['one_time', 'recurring'] }),
      recurring: obj({ interval: str({ enum: INTERVALS }), usage_type: str({ enum: ['licensed', 'metered'] }) }),
    },
    handle: list,
  },
];
