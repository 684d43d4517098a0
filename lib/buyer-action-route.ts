import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, parseJsonBody } from '@/lib/http';

/**
 * The route handler of a buyer action at checkout, the seed's contract: a JSON body (same origin, bounded,
 * parsed by `schema`) and this browser's cookie token in; `{type: 'success'}` out, or the error's status with
 * `{type: 'error', message}`. Each route file is then its schema and the one action it calls.
 */
export function buyerActionRoute<T>(route: string, schema: z.ZodType<T>, action: (body: T, browserToken: string | undefined) => Promise<void>) {
  return async function POST(request: Request) {
    try {
      const body = await parseJsonBody(request, schema);
      await action(body, await browserTokenFromCookies());
      return NextResponse.json({ type: 'success' });
    } catch (error) {
      return errorResponse(error, route);
    }
  };
}
