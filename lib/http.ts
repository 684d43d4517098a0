import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, GENERIC_SERVER_ERROR, InvalidRequestError } from '@/lib/errors';

/** Parses a JSON request body with a schema; a malformed body is a 400, never a 500. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidRequestError(`Bad request body: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The one way a route handler answers with an error: the safe message to the buyer, the detail to the log. */
export function errorResponse(error: unknown, route: string): NextResponse {
  if (error instanceof AppError) {
    const log = error.status >= 500 ? console.error : console.warn;
    log(`[${route}] ${error.code} ${error.status}: ${error.message}`);
    return NextResponse.json({ type: 'error', message: error.publicMessage }, { status: error.status });
  }
  console.error(`[${route}] unexpected error`, error);
  return NextResponse.json({ type: 'error', message: GENERIC_SERVER_ERROR }, { status: 500 });
}
