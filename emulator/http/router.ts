// The route table's shape and its matcher. Routes are declared per resource (resources/*, checkout/*,
// payment-pages/*) and gathered in routes.ts.
import type { Auth, RequestCtx } from '../core/context';
import type { Params, Spec } from './params';

export type Method = 'GET' | 'POST' | 'DELETE';

export type Route = {
  method: Method;
  /** `/v1/checkout/sessions/:id`: a `:name` matches one path segment. */
  pattern: string;
  auth: Auth;
  /** Accepted params; a function when they depend on the API version. */
  params: Record<string, Spec> | ((ctx: RequestCtx) => Record<string, Spec>);
  handle: (ctx: RequestCtx, params: Params, path: Record<string, string>) => unknown;
};

type Compiled = { route: Route; segments: string[] };

export class Router {
  private compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split('/') }));
  }

  /** The route for method + path, or null; `pathKnown` tells a wrong method from an unknown URL. */
  match(method: string, path: string): { route: Route; path: Record<string, string> } | null {
    const parts = path.split('/');
    for (const { route, segments } of this.compiled) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const captured: Record<string, string> = {};
      const ok = segments.every((seg, i) => {
        const part = parts[i] ?? '';
        if (seg.startsWith(':')) {
          if (!part) return false;
          captured[seg.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return seg === part;
      });
      if (ok) return { route, path: captured };
    }
    return null;
  }
}
