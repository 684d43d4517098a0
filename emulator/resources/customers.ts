// Customers, minimal: create, retrieve, update, list (by email). Completing a Checkout Session
// creates one too (see checkout/complete.ts).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { newId, randomToken } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { obj, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from './route-helpers';
import { ADDRESS_FIELDS, METADATA, mergeMetadata, toAddress, type Metadata } from './common';
import { respond } from './render';

const FIELDS: Record<string, Spec> = {
  email: str({ max: 512 }),
  name: str({ max: 256 }),
  phone: str({ max: 20 }),
  description: str({ max: 5000 }),
  metadata: METADATA,
  address: obj(ADDRESS_FIELDS, { emptyable: true }),
};

export function getCustomer(ctx: RequestCtx, id: string, param = 'id'): Stripe.Customer {
  const customer = ctx.store.get('customer', id);
  if (!customer) throw notFound('customer', id, param);
  return customer;
}

export function createCustomerRecord(ctx: RequestCtx, p: Params): Stripe.Customer {
  const id = newId('cus');
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  const customer: Stripe.Customer = {
    id,
    object: 'customer',
    address: p.address && p.address !== '' ? toAddress(p.address as Params) : null,
    balance: 0,
    created: ctx.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: s(p.description),
    discount: null,
    email: s(p.email),
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    name: s(p.name),
    next_invoice_sequence: 1,
    phone: s(p.phone),
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  return ctx.store.put('customer', id, customer);
}

function update(ctx: RequestCtx, p: Params, id: string): Stripe.Customer {
  const customer = getCustomer(ctx, id);
  const next: Stripe.Customer = { ...customer, metadata: mergeMetadata(customer.metadata as Metadata, p.metadata) };
  for (const key of ['email', 'name', 'phone', 'description'] as const) {
    if (p[key] !== undefined) next[key] = p[key] === '' ? null : (p[key] as string);
  }
  if (p.address !== undefined) next.address = p.address === '' ? null : toAddress(p.address as Params);
  return ctx.store.put('customer', id, next);
}

export const customerRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/customers', auth: 'secret', params: FIELDS, handle: (ctx, p) => respond(ctx, createCustomerRecord(ctx, p), p.expand) },
  retrieveRoute('/v1/customers/:id', (ctx, id) => getCustomer(ctx, id)),
  { method: 'POST', pattern: '/v1/customers/:id', auth: 'secret', params: FIELDS, handle: (ctx, p, path) => respond(ctx, update(ctx, p, path.id ?? ''), p.expand) },
  {
    method: 'GET',
    pattern: '/v1/customers',
    auth: 'secret',
    params: { ...LIST_PARAMS, email: str() },
    handle: (ctx, p) => {
      let items = newestFirst(ctx.store.table('customer'));
      if (typeof p.email === 'string') items = items.filter((c) => c.email === p.email);
      return respond(ctx, paginate(items, p, '/v1/customers', 'customer'), p.expand);
    },
  },
];
