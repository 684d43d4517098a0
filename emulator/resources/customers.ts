// Customers, minimal: create, retrieve, update, list (by email). Completing a Checkout Session
// creates one too (see checkout/complete.ts).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { newId, randomToken } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import { ADDRESS_FIELDS, METADATA, mergeMetadata, orNullIfEmpty, toAddress } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const FIELDS = {
  email: str({ max: 512 }),
  name: str({ max: 256 }),
  phone: str({ max: 20 }),
  description: str({ max: 5000 }),
  metadata: METADATA,
  address: obj(ADDRESS_FIELDS, { emptyable: true }),
};

type CustomerParams = ParamsOf<typeof FIELDS>;

export function getCustomer(ctx: RequestCtx, id: string, param = 'id'): Stripe.Customer {
  const customer = ctx.store.get('customer', id);
  if (!customer) throw notFound('customer', id, param);
  return customer;
}

export function createCustomerRecord(ctx: RequestCtx, params: CustomerParams): Stripe.Customer {
  const id = newId('cus');
  const customer: Stripe.Customer = {
    id,
    object: 'customer',
    address: params.address ? toAddress(params.address) : null,
    balance: 0,
    created: ctx.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.description ?? null,
    discount: null,
    email: params.email ?? null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    name: params.name ?? null,
    next_invoice_sequence: 1,
    phone: params.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  return ctx.store.put('customer', id, customer);
}

function update(ctx: RequestCtx, params: CustomerParams, id: string): Stripe.Customer {
  const customer = getCustomer(ctx, id);
  const next: Stripe.Customer = { ...customer, metadata: mergeMetadata(customer.metadata, params.metadata) };
  for (const key of ['email', 'name', 'phone', 'description'] as const) {
    const value = params[key];
    if (value !== undefined) next[key] = orNullIfEmpty(value);
  }
  if (params.address !== undefined) next.address = params.address === '' ? null : toAddress(params.address);
  return ctx.store.put('customer', id, next);
}

export const customerRoutes: Route[] = [
  createRoute('/v1/customers', FIELDS, createCustomerRecord),
  retrieveRoute('/v1/customers/:id', (ctx, id) => getCustomer(ctx, id)),
  updateRoute('/v1/customers/:id', FIELDS, update),
  listRoute('/v1/customers', { ...LIST_FIELDS, email: str() }, (ctx, params) => {
    let items = newestFirst(ctx.store.table('customer'));
    const { email } = params;
    if (email !== undefined) items = items.filter((customer) => customer.email === email);
    return paginate(items, params, '/v1/customers', 'customer');
  }),
];
