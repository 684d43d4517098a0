// The routes every resource has (create, retrieve, update, list), each answering with the object
// through `respond` (so `expand[]` applies), in one place.
import type { RequestCtx } from '../core/context';
import type { ListPage } from '../core/list';
import { respond } from '../core/respond';
import type { Fields, RouteParams as Params } from '../http/params';
import { route, type Route } from '../http/router';

export function createRoute<F extends Fields>(
  pattern: string,
  params: F,
  create: (ctx: RequestCtx, params: Params<F>) => unknown,
): Route {
  return route({
    method: 'POST',
    pattern,
    auth: 'secret',
    params,
    handle: (ctx, given) => respond(ctx, create(ctx, given), given.expand),
  });
}

export function retrieveRoute(pattern: string, load: (ctx: RequestCtx, id: string) => unknown): Route {
  return route({
    method: 'GET',
    pattern,
    auth: 'secret',
    params: {},
    handle: (ctx, given, path) => respond(ctx, load(ctx, path.id ?? ''), given.expand),
  });
}

export function updateRoute<F extends Fields>(
  pattern: string,
  params: F,
  update: (ctx: RequestCtx, params: Params<F>, id: string) => unknown,
): Route {
  return route({
    method: 'POST',
    pattern,
    auth: 'secret',
    params,
    handle: (ctx, given, path) => respond(ctx, update(ctx, given, path.id ?? ''), given.expand),
  });
}

export function listRoute<F extends Fields, T>(
  pattern: string,
  params: F,
  list: (ctx: RequestCtx, params: Params<F>) => ListPage<T>,
): Route {
  return route({
    method: 'GET',
    pattern,
    auth: 'secret',
    params,
    handle: (ctx, given) => respond(ctx, list(ctx, given), given.expand),
  });
}
