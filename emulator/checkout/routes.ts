// Checkout Session endpoints of the secret API.
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { str, type Params } from '../http/params';
import type { Route } from '../http/router';
import { respond } from '../resources/render';
import { createSession } from './create';
import { expireIfDue, expireNow, loadSession } from './expiry';
import { CHECKOUT_MSG as M } from './messages';
import { createParams, updateParams } from './params';
import { sessionObject } from './render-session';
import type { SessionRecord } from './session-record';
import { updateSession } from './update';
import { lineItemsPage } from './view';

const view = (ctx: RequestCtx, record: SessionRecord, p: Params) => respond(ctx, sessionObject(record), p.expand);

function list(ctx: RequestCtx, p: Params) {
  let records = newestFirst(ctx.store.table('checkout.session'));
  for (const r of records) expireIfDue(ctx, ctx, r);
  for (const key of ['status', 'customer', 'payment_intent', 'subscription', 'payment_link'] as const) {
    if (typeof p[key] === 'string') records = records.filter((r) => r.session[key] === p[key]);
  }
  const page = paginate(records.map(sessionObject), p, '/v1/checkout/sessions', 'checkout.session');
  return respond(ctx, page, p.expand);
}

export const checkoutRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/checkout/sessions', auth: 'secret', params: createParams, handle: (ctx, p) => view(ctx, createSession(ctx, p), p) },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id',
    auth: 'secret',
    params: {},
    handle: (ctx, p, path) => view(ctx, loadSession(ctx, path.id ?? ''), p),
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id',
    auth: 'secret',
    params: updateParams,
    handle: (ctx, p, path) => view(ctx, updateSession(ctx, path.id ?? '', p), p),
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions',
    auth: 'secret',
    params: {
      ...LIST_PARAMS,
      status: str({ enum: ['open', 'complete', 'expired'] }),
      customer: str(),
      payment_intent: str(),
      subscription: str(),
      payment_link: str(),
    },
    handle: list,
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id/line_items',
    auth: 'secret',
    params: LIST_PARAMS,
    handle: (ctx, p, path) => respond(ctx, lineItemsPage(ctx, loadSession(ctx, path.id ?? ''), p), p.expand),
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id/expire',
    auth: 'secret',
    params: {},
    handle: (ctx, p, path) => {
      const record = loadSession(ctx, path.id ?? '');
      if (record.session.status !== 'open') throw invalid(M.expireNotOpen(String(record.session.status)));
      expireNow(ctx, ctx, record);
      return view(ctx, record, p);
    },
  },
];
