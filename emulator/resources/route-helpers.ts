// The GET-by-id route every resource has, in one place.
import type { RequestCtx } from '../core/context';
import { respond } from '../core/respond';
import { route, type Route } from '../http/router';

export function retrieveRoute(pattern: string, load: (ctx: RequestCtx, id: string) => unknown): Route {
  return route({
    method: 'GET',
    pattern,
    auth: 'secret',
    params: {},
    handle: (ctx, params, path) => respond(ctx, load(ctx, path.id ?? ''), params.expand),
  });
}
