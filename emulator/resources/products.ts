// Products: create, retrieve, update, list, delete.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { arr, bool, obj, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';
import { byActive, METADATA, mergeMetadata, type Metadata } from './common';
import { respond } from './render';

const FIELDS: Record<string, Spec> = {
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

export function getProduct(ctx: RequestCtx, id: string, param = 'id'): Stripe.Product {
  const product = ctx.store.get('product', id);
  if (!product) throw notFound('product', id, param);
  return product;
}

export function createProductRecord(ctx: RequestCtx, p: Params): Stripe.Product {
  const product = buildProduct(ctx, p);
  return ctx.store.put('product', product.id, product);
}

/** A product not yet stored, so a request that fails later leaves nothing behind. */
export function buildProduct(ctx: RequestCtx, p: Params): Stripe.Product {
  const id = typeof p.id === 'string' ? p.id : newId('prod');
  if (ctx.store.get('product', id)) throw invalid(`Product already exists.`, 'id', 'resource_already_exists');
  const now = ctx.clock.now();
  const product: Stripe.Product = {
    id,
    object: 'product',
    active: p.active !== false,
    created: now,
    default_price: null,
    description: (p.description as string | undefined) ?? null,
    images: Array.isArray(p.images) ? (p.images as string[]) : [],
    livemode: false,
    marketing_features: Array.isArray(p.marketing_features) ? (p.marketing_features as { name: string }[]) : [],
    metadata: mergeMetadata({}, p.metadata),
    name: p.name as string,
    package_dimensions: null,
    shippable: (p.shippable as boolean | undefined) ?? null,
    statement_descriptor: (p.statement_descriptor as string | undefined) ?? null,
    tax_code: (p.tax_code as string | undefined) ?? null,
    tax_details: null,
    type: 'good',
    unit_label: (p.unit_label as string | undefined) ?? null,
    updated: now,
    url: (p.url as string | undefined) ?? null,
  };
  return product;
}

function update(ctx: RequestCtx, p: Params, id: string): Stripe.Product {
  const product = getProduct(ctx, id);
  const next: Stripe.Product = { ...product, updated: ctx.clock.now() };
  for (const key of ['name', 'active', 'description', 'shippable', 'statement_descriptor', 'tax_code', 'unit_label', 'url'] as const) {
    if (p[key] !== undefined) Object.assign(next, { [key]: p[key] === '' ? null : p[key] });
  }
  if (p.images !== undefined) next.images = p.images === '' ? [] : (p.images as string[]);
  if (p.marketing_features !== undefined) {
    next.marketing_features = p.marketing_features === '' ? [] : (p.marketing_features as { name: string }[]);
  }
  if (typeof p.default_price === 'string') {
    const price = ctx.store.get('price', p.default_price);
    if (!price || price.product !== id) throw notFound('price', p.default_price, 'default_price');
    next.default_price = price.id;
  }
  next.metadata = mergeMetadata(product.metadata as Metadata, p.metadata);
  return ctx.store.put('product', id, next);
}

export const productRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/products',
    auth: 'secret',
    params: { ...FIELDS, id: str({ max: 5000 }), name: str({ required: true, max: 5000 }) },
    handle: (ctx, p) => respond(ctx, createProductRecord(ctx, p), p.expand),
  },
  retrieveRoute('/v1/products/:id', (ctx, id) => getProduct(ctx, id)),
  {
    method: 'POST',
    pattern: '/v1/products/:id',
    auth: 'secret',
    params: { ...FIELDS, default_price: str() },
    handle: (ctx, p, path) => respond(ctx, update(ctx, p, path.id ?? ''), p.expand),
  },
  {
    method: 'DELETE',
    pattern: '/v1/products/:id',
    auth: 'secret',
    params: {},
    handle: (ctx, _p, path) => {
      const product = getProduct(ctx, path.id ?? '');
      const hasPrices = [...ctx.store.table('price').values()].some((price) => price.product === product.id);
      // Stripe keeps products that have prices (archive them instead).
      if (hasPrices) throw invalid('This product cannot be deleted because it has one or more user-created prices.');
      ctx.store.table('product').delete(product.id);
      return { id: product.id, object: 'product', deleted: true };
    },
  },
  {
    method: 'GET',
    pattern: '/v1/products',
    auth: 'secret',
    params: { ...LIST_PARAMS, active: bool(), ids: arr(str()), shippable: bool(), url: str() },
    handle: (ctx, p) => {
      let items = byActive(newestFirst(ctx.store.table('product')), p.active);
      if (Array.isArray(p.ids)) items = items.filter((i) => (p.ids as string[]).includes(i.id));
      if (typeof p.shippable === 'boolean') items = items.filter((i) => i.shippable === p.shippable);
      if (typeof p.url === 'string') items = items.filter((i) => i.url === p.url);
      return respond(ctx, paginate(items, p, '/v1/products', 'product'), p.expand);
    },
  },
];
