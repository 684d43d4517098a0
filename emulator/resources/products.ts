// Products: create, retrieve, update, list, delete.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { arr, bool, LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import { route, type Route } from '../http/router';
import { byActive, METADATA, mergeMetadata, orNullIfEmpty } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const FIELDS = {
  name: str({ max: 5000 }),
  active: bool(),
  description: str({ max: 40000 }),
  images: arr(str(), { max: 8, emptyable: true }),
  metadata: METADATA,
  shippable: bool(),
  statement_descriptor: str({ max: 22 }),
  tax_code: str(),
  unit_label: str({ max: 12 }),
  url: str(),
  marketing_features: arr(obj({ name: str({ required: true }) }), { max: 15, emptyable: true }),
};

/** Create params; `product_data` of a price takes the same minus `id` (see prices.ts). */
export const CREATE_PRODUCT_FIELDS = { ...FIELDS, id: str({ max: 5000 }), name: str({ required: true, max: 5000 }) };
type CreateProductParams = ParamsOf<typeof CREATE_PRODUCT_FIELDS>;

const UPDATE_FIELDS = { ...FIELDS, default_price: str() };

export function getProduct(ctx: RequestCtx, id: string, param = 'id'): Stripe.Product {
  const product = ctx.store.get('product', id);
  if (!product) throw notFound('product', id, param);
  return product;
}

/** A product not yet stored, so a request that fails later leaves nothing behind. */
export function buildProduct(ctx: RequestCtx, params: CreateProductParams): Stripe.Product {
  const id = params.id ?? newId('prod');
  if (ctx.store.get('product', id)) throw invalid(`Product already exists.`, 'id', 'resource_already_exists');
  const now = ctx.clock.now();
  return {
    id,
    object: 'product',
    active: params.active !== false,
    created: now,
    default_price: null,
    description: params.description ?? null,
    images: params.images || [],
    livemode: false,
    marketing_features: params.marketing_features || [],
    metadata: mergeMetadata({}, params.metadata),
    name: params.name,
    package_dimensions: null,
    shippable: params.shippable ?? null,
    statement_descriptor: params.statement_descriptor ?? null,
    tax_code: params.tax_code ?? null,
    tax_details: null,
    type: 'good',
    unit_label: params.unit_label ?? null,
    updated: now,
    url: params.url ?? null,
  };
}

function update(ctx: RequestCtx, params: ParamsOf<typeof UPDATE_FIELDS>, id: string): Stripe.Product {
  const product = getProduct(ctx, id);
  const next: Stripe.Product = { ...product, updated: ctx.clock.now() };
  if (params.name !== undefined) next.name = params.name;
  if (params.active !== undefined) next.active = params.active;
  if (params.shippable !== undefined) next.shippable = params.shippable;
  for (const key of ['description', 'statement_descriptor', 'tax_code', 'unit_label', 'url'] as const) {
    const value = params[key];
    if (value !== undefined) next[key] = orNullIfEmpty(value);
  }
  if (params.images !== undefined) next.images = params.images || [];
  if (params.marketing_features !== undefined) next.marketing_features = params.marketing_features || [];
  if (params.default_price !== undefined) {
    const price = ctx.store.get('price', params.default_price);
    if (!price || price.product !== id) throw notFound('price', params.default_price, 'default_price');
    next.default_price = price.id;
  }
  next.metadata = mergeMetadata(product.metadata, params.metadata);
  return ctx.store.put('product', id, next);
}

export const productRoutes: Route[] = [
  createRoute('/v1/products', CREATE_PRODUCT_FIELDS, (ctx, params) => {
    const product = buildProduct(ctx, params);
    return ctx.store.put('product', product.id, product);
  }),
  retrieveRoute('/v1/products/:id', (ctx, id) => getProduct(ctx, id)),
  updateRoute('/v1/products/:id', UPDATE_FIELDS, update),
  route({
    method: 'DELETE',
    pattern: '/v1/products/:id',
    auth: 'secret',
    params: {},
    handle: (ctx, _params, path) => {
      const product = getProduct(ctx, path.id ?? '');
      const hasPrices = [...ctx.store.table('price').values()].some((price) => price.product === product.id);
      // Stripe keeps products that have prices (archive them instead).
      if (hasPrices) throw invalid('This product cannot be deleted because it has one or more user-created prices.');
      ctx.store.table('product').delete(product.id);
      return { id: product.id, object: 'product', deleted: true };
    },
  }),
  listRoute(
    '/v1/products',
    { ...LIST_FIELDS, active: bool(), ids: arr(str()), shippable: bool(), url: str() },
    (ctx, params) => {
      let items = byActive(newestFirst(ctx.store.table('product')), params.active);
      const { ids, shippable, url } = params;
      if (ids) items = items.filter((product) => ids.includes(product.id));
      if (shippable !== undefined) items = items.filter((product) => product.shippable === shippable);
      if (url !== undefined) items = items.filter((product) => product.url === url);
      return paginate(items, params, '/v1/products', 'product');
    },
  ),
];
