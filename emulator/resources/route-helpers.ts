// The GET-by-id route every resource has, in one place.
import type { RequestCtx } from '../core/context';
import type { Route } from '../http/router';
import { respond } from './render';

export function retrieveRoute(pattern: string, load: (ctx: RequestCtx, id: string) => unknown): Route {
  return {
    method: 'GET',
    pattern,
    auth: 'secret',
    params: {},
    handle: (ctx, p, path) => respond(ctx, load(ctx, path.id ?? ''), p.expand),
  };
}
