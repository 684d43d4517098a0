// The route table's shape and its matcher. Routes are declared per resource (resources/*, checkout/*,
// payment-pages/*, webhooks/*) with `route`, and gathered in routes.ts.
import type { Auth, RequestCtx } from '../core/context';
import type { FormObject } from '../core/form-encoding';
import { validate, type Fields, type RouteParams } from './params';

export type Method = 'GET' | 'POST' | 'DELETE';

/** What the pipeline calls: the route validates the form against its own params, then handles it. */
export type Route = {
  method: Method;
  /** `/v1/checkout/sessions/:id`: a `:name` matches one path segment. */
  pattern: string;
  auth: Auth;
  run(ctx: RequestCtx, form: FormObject, path: Record<string, string>): unknown;
};

export type RouteDefinition<F extends Fields> = {
  method: Method;
  pattern: string;
  auth: Auth;
  /** Accepted params, declared once; the handler receives them typed (plus `expand`). */
  params: F;
  handle(ctx: RequestCtx, params: RouteParams<F>, path: Record<string, string>): unknown;
};

export function route<F extends Fields>(definition: RouteDefinition<F>): Route {
  const { method, pattern, auth, params, handle } = definition;
  return {
    method,
    pattern,
    auth,
    run: (ctx, form, path) => handle(ctx, validate(form, params, ctx.version.features), path),
  };
}

type Compiled = { route: Route; segments: string[] };

export class Router {
  private compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split('/') }));
  }

  /** The route for method + path and the path's `:name` values, or null. */
  match(method: string, path: string): { route: Route; path: Record<string, string> } | null {
    const parts = path.split('/');
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const captured: Record<string, string> = {};
      const matches = segments.every((segment, index) => {
        const part = parts[index] ?? '';
        if (segment.startsWith(':')) {
          if (!part) return false;
          captured[segment.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (matches) return { route, path: captured };
    }
    return null;
  }
}
