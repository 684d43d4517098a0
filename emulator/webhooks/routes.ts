// Webhook endpoints (create, retrieve, update, list, delete) and events (retrieve, list).
// Every endpoint signs with the emulator's one webhook secret (printed by the CLI, returned as
// `secret` on create), so `stripe listen`-style setups and created endpoints share it: a choice.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { respond } from '../core/respond';
import { CREATED_FILTER, createdMatches } from '../http/created-filter';
import { arr, bool, LIST_FIELDS, str, type ParamsOf } from '../http/params';
import { route, type Route } from '../http/router';
import { METADATA, mergeMetadata } from '../resources/common';
import { retrieveRoute } from '../resources/route-helpers';

const FIELDS = {
  url: str({ max: 5000 }),
  enabled_events: arr(str()),
  description: str({ max: 5000 }),
  metadata: METADATA,
};
const CREATE_FIELDS = {
  ...FIELDS,
  url: str({ required: true }),
  enabled_events: arr(str(), { required: true }),
  api_version: str(),
};
const UPDATE_FIELDS = { ...FIELDS, disabled: bool() };

function getEndpoint(ctx: RequestCtx, id: string): Stripe.WebhookEndpoint {
  const found = ctx.store.get('webhook_endpoint', id);
  if (!found) throw notFound('webhook_endpoint', id);
  return found;
}

function createEndpoint(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.WebhookEndpoint {
  const id = newId('we');
  const endpoint: Stripe.WebhookEndpoint = {
    id,
    object: 'webhook_endpoint',
    api_version: params.api_version ?? null,
    application: null,
    created: ctx.clock.now(),
    description: params.description ?? null,
    enabled_events: params.enabled_events,
    livemode: false,
    metadata: mergeMetadata({}, params.metadata),
    status: 'enabled',
    url: params.url,
  };
  return ctx.store.put('webhook_endpoint', id, endpoint);
}

function updateEndpoint(ctx: RequestCtx, params: ParamsOf<typeof UPDATE_FIELDS>, id: string): Stripe.WebhookEndpoint {
  const endpoint = getEndpoint(ctx, id);
  const next: Stripe.WebhookEndpoint = {
    ...endpoint,
    url: params.url ?? endpoint.url,
    enabled_events: params.enabled_events ?? endpoint.enabled_events,
    description: params.description === undefined ? endpoint.description : params.description || null,
    status: params.disabled === undefined ? endpoint.status : params.disabled ? 'disabled' : 'enabled',
    metadata: mergeMetadata(endpoint.metadata, params.metadata),
  };
  return ctx.store.put('webhook_endpoint', id, next);
}

export function webhookRoutes(secret: string): Route[] {
  return [
    route({
      method: 'POST',
      pattern: '/v1/webhook_endpoints',
      auth: 'secret',
      params: CREATE_FIELDS,
      handle: (ctx, params) => ({ ...respond(ctx, createEndpoint(ctx, params), params.expand), secret }),
    }),
    retrieveRoute('/v1/webhook_endpoints/:id', getEndpoint),
    route({
      method: 'POST',
      pattern: '/v1/webhook_endpoints/:id',
      auth: 'secret',
      params: UPDATE_FIELDS,
      handle: (ctx, params, path) => respond(ctx, updateEndpoint(ctx, params, path.id ?? ''), params.expand),
    }),
    route({
      method: 'GET',
      pattern: '/v1/webhook_endpoints',
      auth: 'secret',
      params: LIST_FIELDS,
      handle: (ctx, params) =>
        respond(
          ctx,
          paginate(
            newestFirst(ctx.store.table('webhook_endpoint')),
            params,
            '/v1/webhook_endpoints',
            'webhook_endpoint',
          ),
          params.expand,
        ),
    }),
    route({
      method: 'DELETE',
      pattern: '/v1/webhook_endpoints/:id',
      auth: 'secret',
      params: {},
      handle: (ctx, _params, path) => {
        const endpoint = getEndpoint(ctx, path.id ?? '');
        ctx.store.table('webhook_endpoint').delete(endpoint.id);
        return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
      },
    }),
    retrieveRoute('/v1/events/:id', getEvent),
    route({
      method: 'GET',
      pattern: '/v1/events',
      auth: 'secret',
      params: EVENT_LIST_FIELDS,
      handle: (ctx, params) =>
        respond(ctx, paginate(listEvents(ctx, params), params, '/v1/events', 'event'), params.expand),
    }),
  ];
}

// GET /v1/events as Stripe's API reference documents it (stripe-node's EventListParams): `created` (an
// event's `created` is when it happened, on the emulator clock), `type` (`*` wildcards) or `types` (up to
// 20 exact names, "either type or types, but not both"), and `delivery_success` ("If false, events which
// are still pending or have failed all delivery attempts to a webhook endpoint will be returned").
const EVENT_LIST_FIELDS = {
  ...LIST_FIELDS,
  created: CREATED_FILTER,
  type: str(),
  types: arr(str(), { max: 20 }),
  delivery_success: bool(),
};

function listEvents(ctx: RequestCtx, params: ParamsOf<typeof EVENT_LIST_FIELDS>): Stripe.Event[] {
  const { type, types, created, delivery_success: deliverySuccess } = params;
  if (type !== undefined && types !== undefined)
    throw invalid('You may only specify one of these parameters: type, types.', 'types', 'parameters_exclusive');
  return newestFirst(ctx.store.table('event')).filter(
    (event) =>
      (type === undefined || matchesType(event.type, type)) &&
      (types === undefined || types.includes(event.type)) &&
      createdMatches(event.created, created) &&
      (deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess),
  );
}

function getEvent(ctx: RequestCtx, id: string): Stripe.Event {
  const found = ctx.store.get('event', id);
  if (!found) throw notFound('event', id);
  return found;
}

/** Stripe's `type` filter takes `*` wildcards (`checkout.session.*`). */
function matchesType(type: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(type);
}
