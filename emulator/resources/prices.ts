// Prices: create (with lookup_key and transfer_lookup_key), retrieve, update, list (lookup_keys[],
// product, active, type, currency, recurring).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, missingParam, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { arr, bool, int, LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import {
  byActive,
  CURRENCY,
  currencyOf,
  METADATA,
  mergeMetadata,
  orNullIfEmpty,
  REQUIRED_CURRENCY,
  TAX_BEHAVIOR,
} from './common';
import { buildProduct, getProduct } from './products';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

export const RECURRING = obj({
  interval: str({ enum: INTERVALS, required: true }),
  interval_count: int({ min: 1 }),
  usage_type: str({ enum: ['licensed'] }),
  trial_period_days: int({ min: 1 }),
});

export const PRODUCT_DATA = obj({
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
const UPDATE_FIELDS = {
  active: bool(),
  lookup_key: str({ max: 200 }),
  transfer_lookup_key: bool(),
  metadata: METADATA,
  nickname: str({ max: 5000 }),
  tax_behavior: TAX_BEHAVIOR,
};

/** The fields a price is built from: a price's own create, and `price_data` on a Checkout line item. */
export const PRICE_DATA_FIELDS = {
  currency: REQUIRED_CURRENCY,
  product: str(),
  product_data: PRODUCT_DATA,
  unit_amount: int({ min: 0 }),
  unit_amount_decimal: str(),
  recurring: RECURRING,
  tax_behavior: TAX_BEHAVIOR,
};

const CREATE_FIELDS = {
  ...UPDATE_FIELDS,
  ...PRICE_DATA_FIELDS,
  billing_scheme: str({ enum: ['per_unit'] }),
};

/** What buildPrice reads: a price create, or a line item's `price_data`. */
type PriceInput = ParamsOf<typeof PRICE_DATA_FIELDS> &
  Partial<Pick<ParamsOf<typeof CREATE_FIELDS>, 'active' | 'lookup_key' | 'metadata' | 'nickname'>>;

export function getPrice(ctx: RequestCtx, id: string, param = 'price'): Stripe.Price {
  const price = ctx.store.get('price', id);
  if (!price) throw notFound('price', id, param);
  return price;
}

/** A price with this lookup key moves to `owner` only with transfer_lookup_key (Stripe's rule). */
function claimLookupKey(ctx: RequestCtx, key: string, transfer: boolean | undefined, ownerId: string): void {
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

function createPriceRecord(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.Price {
  const { price, product } = buildPrice(ctx, params);
  if (params.lookup_key !== undefined) claimLookupKey(ctx, params.lookup_key, params.transfer_lookup_key, price.id);
  if (product) ctx.store.put('product', product.id, product);
  return ctx.store.put('price', price.id, price);
}

/**
 * A price (and the product of `product_data`) not yet stored. Also builds `price_data` prices of
 * Checkout line items (`adHoc`: inactive, as Stripe makes them). `prefix` names params in errors (`line_items[0][price_data]`).
 */
export function buildPrice(
  ctx: RequestCtx,
  params: PriceInput,
  options: { adHoc?: boolean; prefix?: string } = {},
): { price: Stripe.Price; product: Stripe.Product | null } {
  const name = (key: string) => (options.prefix ? `${options.prefix}[${key}]` : key);
  if (params.product === undefined && params.product_data === undefined) throw missingParam(name('product'));
  const amount =
    params.unit_amount ?? (params.unit_amount_decimal !== undefined ? Number(params.unit_amount_decimal) : undefined);
  if (amount === undefined) throw missingParam(name('unit_amount'));
  if (!Number.isInteger(amount)) {
    throw invalid('The local Stripe only supports whole unit amounts.', name('unit_amount_decimal'));
  }
  let newProduct: Stripe.Product | null = null;
  let product: Stripe.Product;
  if (params.product !== undefined) product = getProduct(ctx, params.product, name('product'));
  else if (params.product_data) product = newProduct = buildProduct(ctx, params.product_data);
  else throw missingParam(name('product'));
  const id = newId('price');
  const recurring = params.recurring;
  const price: Stripe.Price = {
    id,
    object: 'price',
    active: options.adHoc ? false : params.active !== false,
    billing_scheme: 'per_unit',
    created: ctx.clock.now(),
    currency: currencyOf(params.currency),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: params.lookup_key ?? null,
    metadata: mergeMetadata({}, params.metadata),
    nickname: params.nickname ?? null,
    product: product.id,
    recurring: recurring
      ? {
          interval: recurring.interval,
          interval_count: recurring.interval_count ?? 1,
          meter: null,
          trial_period_days: recurring.trial_period_days ?? null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: params.tax_behavior ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: amount,
    // On the wire a decimal is a string; the SDK's type is its parsed Decimal.
    unit_amount_decimal: String(amount) as unknown as NonNullable<Stripe.Price['unit_amount_decimal']>,
  };
  return { price, product: newProduct };
}

function update(ctx: RequestCtx, params: ParamsOf<typeof UPDATE_FIELDS>, id: string): Stripe.Price {
  const price = getPrice(ctx, id, 'id');
  if (params.lookup_key) claimLookupKey(ctx, params.lookup_key, params.transfer_lookup_key, id);
  if (
    params.tax_behavior !== undefined &&
    price.tax_behavior !== 'unspecified' &&
    params.tax_behavior !== price.tax_behavior
  ) {
    throw invalid('tax_behavior cannot be changed once it has been set to exclusive or inclusive.', 'tax_behavior');
  }
  const next: Stripe.Price = {
    ...price,
    active: params.active ?? price.active,
    lookup_key: params.lookup_key === undefined ? price.lookup_key : orNullIfEmpty(params.lookup_key),
    nickname: params.nickname === undefined ? price.nickname : orNullIfEmpty(params.nickname),
    tax_behavior: params.tax_behavior ?? price.tax_behavior,
    metadata: mergeMetadata(price.metadata, params.metadata),
  };
  return ctx.store.put('price', id, next);
}

const LIST_PRICE_FIELDS = {
  ...LIST_FIELDS,
  active: bool(),
  currency: CURRENCY,
  lookup_keys: arr(str(), { max: 10 }),
  product: str(),
  type: str({ enum: ['one_time', 'recurring'] }),
  recurring: obj({ interval: str({ enum: INTERVALS }), usage_type: str({ enum: ['licensed', 'metered'] }) }),
};

function list(ctx: RequestCtx, params: ParamsOf<typeof LIST_PRICE_FIELDS>) {
  let items = byActive(newestFirst(ctx.store.table('price')), params.active);
  const { lookup_keys: lookupKeys, product, type, currency } = params;
  if (lookupKeys) items = items.filter((price) => lookupKeys.includes(price.lookup_key ?? ''));
  if (product !== undefined) items = items.filter((price) => price.product === product);
  if (type !== undefined) items = items.filter((price) => price.type === type);
  if (currency !== undefined) items = items.filter((price) => price.currency === currencyOf(currency));
  const interval = params.recurring?.interval;
  if (interval !== undefined) items = items.filter((price) => price.recurring?.interval === interval);
  return paginate(items, params, '/v1/prices', 'price');
}

export const priceRoutes: Route[] = [
  createRoute('/v1/prices', CREATE_FIELDS, createPriceRecord),
  retrieveRoute('/v1/prices/:id', (ctx, id) => getPrice(ctx, id, 'id')),
  updateRoute('/v1/prices/:id', UPDATE_FIELDS, update),
  listRoute('/v1/prices', LIST_PRICE_FIELDS, list),
];
