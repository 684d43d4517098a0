// Webhook endpoints (create, retrieve, update, list, delete) and events (retrieve, list).
// Every endpoint signs with the emulator's one webhook secret (printed by the CLI, returned as
// `secret` on create), so `stripe listen`-style setups and created endpoints share it: a choice.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { newId } from '../core/ids';
import { LIST_PARAMS, newestFirst, paginate } from '../core/list';
import { arr, bool, str, type Params, type Spec } from '../http/params';
import type { Route } from '../http/router';
import { retrieveRoute } from '../resources/route-helpers';
import { METADATA, mergeMetadata, type Metadata } from '../resources/common';
import { respond } from '../resources/render';

const FIELDS: Record<string, Spec> = {
  url: str({ max: 5000 }),
  enabled_events: arr(str()),
  description: str({ max: 5000 }),
  metadata: METADATA,
};

function getEndpoint(ctx: RequestCtx, id: string): Stripe.WebhookEndpoint {
  const found = ctx.store.get('webhook_endpoint', id);
  if (!found) throw notFound('webhook_endpoint', id);
  return found;
}

export function webhookRoutes(secret: string): Route[] {
  const create = (ctx: RequestCtx, p: Params) => {
    const id = newId('we');
    const endpoint: Stripe.WebhookEndpoint = {
      id,
      object: 'webhook_endpoint',
      api_version: (p.api_version as string | undefined) ?? null,
      application: null,
      created: ctx.clock.now(),
      description: (p.description as string | undefined) ?? null,
      enabled_events: p.enabled_events as string[],
      livemode: false,
      metadata: mergeMetadata({}, p.metadata),
      status: 'enabled',
      url: p.url as string,
    };
    ctx.store.put('webhook_endpoint', id, endpoint);
    return { ...respond(ctx, endpoint, p.expand), secret };
  };
  const update = (ctx: RequestCtx, p: Params, id: string) => {
    const e = getEndpoint(ctx, id);
    const next: Stripe.WebhookEndpoint = {
      ...e,
      url: (p.url as string | undefined) ?? e.url,
      enabled_events: (p.enabled_events as string[] | undefined) ?? e.enabled_events,
      description: p.description === undefined ? e.description : (p.description as string) || null,
      status: p.disabled === undefined ? e.status : p.disabled ? 'disabled' : 'enabled',
      metadata: mergeMetadata(e.metadata as Metadata, p.metadata),
    };
    return respond(ctx, ctx.store.put('webhook_endpoint', id, next), p.expand);
  };
  return [
    {
      method: 'POST',
      pattern: '/v1/webhook_endpoints',
      auth: 'secret',
      params: { ...FIELDS, url: str({ required: true }), enabled_events: arr(str(), { required: true }), api_version: str() },
      handle: create,
    },
    retrieveRoute('/v1/webhook_endpoints/:id', getEndpoint),
    { method: 'POST', pattern: '/v1/webhook_endpoints/:id', auth: 'secret', params: { ...FIELDS, disabled: bool() }, handle: (ctx, p, path) => update(ctx, p, path.id ?? '') },
    {
      method: 'GET',
      pattern: '/v1/webhook_endpoints',
      auth: 'secret',
      params: LIST_PARAMS,
      handle: (ctx, p) => respond(ctx, paginate(newestFirst(ctx.store.table('webhook_endpoint')), p, '/v1/webhook_endpoints', 'webhook_endpoint'), p.expand),
    },
    {
      method: 'DELETE',
      pattern: '/v1/webhook_endpoints/:id',
      auth: 'secret',
      params: {},
      handle: (ctx, _p, path) => {
        const e = getEndpoint(ctx, path.id ?? '');
        ctx.store.table('webhook_endpoint').delete(e.id);
        return { id: e.id, object: 'webhook_endpoint', deleted: true };
      },
    },
    retrieveRoute('/v1/events/:id', getEvent),
    {
      method: 'GET',
      pattern: '/v1/events',
      auth: 'secret',
      params: { ...LIST_PARAMS, type: str(), types: arr(str()) },
      handle: (ctx, p) => {
        let events = newestFirst(ctx.store.table('event'));
        if (typeof p.type === 'string') events = events.filter((e) => matchesType(e.type, p.type as string));
        if (Array.isArray(p.types)) events = events.filter((e) => (p.types as string[]).includes(e.type));
        return respond(ctx, paginate(events, p, '/v1/events', 'event'), p.expand);
      },
    },
  ];
}

function getEvent(ctx: RequestCtx, id: string): Stripe.Event {
  const found = ctx.store.get('event', id);
  if (!found) throw notFound('event', id);
  return found;
}

/** Stripe's `type` filter takes `*` wildcards (`checkout.session.*`). */
function matchesType(type: string, pattern: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(type);
}
