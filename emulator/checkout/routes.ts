// Checkout Session endpoints of the secret API.
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { newestFirst, paginate } from '../core/list';
import { respond } from '../core/respond';
import type { SessionRecord } from '../core/session-record';
import { CREATED_FILTER, createdMatches } from '../http/created-filter';
import { LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import { route, type Route } from '../http/router';
import { createSession } from './create';
import { expireIfDue, expireNow, loadSession } from './expiry';
import { CHECKOUT_MSG } from './messages';
import { CREATE_SESSION_FIELDS, UPDATE_SESSION_FIELDS } from './params';
import { sessionObject } from './render-session';
import { updateSession } from './update';
import { lineItemsPage } from './view';

const view = (ctx: RequestCtx, record: SessionRecord, expand: string[] | undefined) =>
  respond(ctx, sessionObject(record), expand);

const LIST_SESSION_FIELDS = {
  ...LIST_FIELDS,
  status: str({ enum: ['open', 'complete', 'expired'] }),
  customer: str(),
  payment_intent: str(),
  subscription: str(),
  payment_link: str(),
  // As stripe-node's SessionListParams: `created` bounds, and `customer_details[email]` (required inside).
  created: CREATED_FILTER,
  customer_details: obj({ email: str({ required: true }) }),
};

function list(ctx: RequestCtx, params: ParamsOf<typeof LIST_SESSION_FIELDS>) {
  let records = newestFirst(ctx.store.table('checkout.session'));
  for (const record of records) expireIfDue(ctx, ctx, record);
  for (const key of ['status', 'customer', 'payment_intent', 'subscription', 'payment_link'] as const) {
    const wanted = params[key];
    if (wanted !== undefined) records = records.filter((record) => record.session[key] === wanted);
  }
  const { created, customer_details: details } = params;
  records = records.filter((record) => createdMatches(record.session.created, created));
  if (details) records = records.filter((record) => record.session.customer_details?.email === details.email);
  return paginate(records.map(sessionObject), params, '/v1/checkout/sessions', 'checkout.session');
}

export const checkoutRoutes: Route[] = [
  route({
    method: 'POST',
    pattern: '/v1/checkout/sessions',
    auth: 'secret',
    params: CREATE_SESSION_FIELDS,
    handle: (ctx, params) => view(ctx, createSession(ctx, params), params.expand),
  }),
  route({
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id',
    auth: 'secret',
    params: {},
    handle: (ctx, params, path) => view(ctx, loadSession(ctx, path.id ?? ''), params.expand),
  }),
  route({
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id',
    auth: 'secret',
    params: UPDATE_SESSION_FIELDS,
    handle: (ctx, params, path) => view(ctx, updateSession(ctx, path.id ?? '', params), params.expand),
  }),
  route({
    method: 'GET',
    pattern: '/v1/checkout/sessions',
    auth: 'secret',
    params: LIST_SESSION_FIELDS,
    handle: (ctx, params) => respond(ctx, list(ctx, params), params.expand),
  }),
  route({
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id/line_items',
    auth: 'secret',
    params: LIST_FIELDS,
    handle: (ctx, params, path) =>
      respond(ctx, lineItemsPage(ctx, loadSession(ctx, path.id ?? ''), params), params.expand),
  }),
  route({
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id/expire',
    auth: 'secret',
    params: {},
    handle: (ctx, params, path) => {
      const record = loadSession(ctx, path.id ?? '');
      if (record.session.status !== 'open') throw invalid(CHECKOUT_MSG.expireNotOpen(String(record.session.status)));
      expireNow(ctx, ctx, record);
      return view(ctx, record, params.expand);
    },
  }),
];
