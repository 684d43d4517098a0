import 'server-only';
import type { z } from 'zod';
import type { UpdateAnswer } from '@/lib/buyer-api';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, jsonAnswer, parseJsonBody } from '@/lib/http';

/**
 * The route handler of a buyer action at checkout, the seed's contract: a JSON body (same origin, bounded,
 * parsed by `schema`) and this browser's cookie token in; `{type: 'success'}` out, or the error's status with
 * `{type: 'error', message}`. Each route file is then its endpoint (lib/buyer-api.ts) and the one action it calls.
 */
export function buyerActionRoute<T>(
  endpoint: { path: string; body: z.ZodType<T> },
  action: (body: T, browserToken: string | undefined) => Promise<void>,
) {
  const route = `POST ${endpoint.path}`;
  return async function POST(request: Request) {
    try {
      const body = await parseJsonBody(request, endpoint.body);
      await action(body, await browserTokenFromCookies());
      return jsonAnswer({ type: 'success' } satisfies UpdateAnswer);
    } catch (error) {
      return errorResponse(error, route);
    }
  };
}
