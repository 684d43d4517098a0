import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { appOrigin } from '@/lib/app-origin';
import { AppError, BUYER_MESSAGE, GENERIC_SERVER_ERROR, InvalidRequestError, RequestRefusedError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { ErrorAnswer } from '@/lib/buyer-api';

/** A buyer action's JSON is a few ids and numbers: 16 KiB is generous. */
export const JSON_BODY_LIMIT = 16 * 1024;

/**
 * Reads a request body up to `maxBytes`, refusing a larger one (413) before it is held whole: a declared
 * Content-Length is checked first, and a streamed body is cut off as soon as it passes the limit.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new RequestRefusedError(413, `Body over ${maxBytes} bytes`, 'That request is too large.');
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A mutation must come from the storefront's own pages: the browser's Origin (and Sec-Fetch-Site, where
 * sent) must name this origin. SameSite=Lax cookies alone let a page on a sibling subdomain post here.
 */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (
    (origin !== null && origin !== appOrigin(request)) ||
    (site !== null && site !== 'same-origin' && site !== 'none')
  ) {
    throw new RequestRefusedError(
      403,
      `Cross-origin request (Origin ${origin}, Sec-Fetch-Site ${site})`,
      "This request didn't come from our shop's pages.",
    );
  }
}

/** The one way a buyer action reads its input: same origin, JSON, bounded, then the schema. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>, maxBytes = JSON_BODY_LIMIT): Promise<T> {
  assertSameOrigin(request);
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new RequestRefusedError(415, `Content-Type ${mediaType ?? 'missing'}`, 'Requests must be sent as JSON.');
  }
  const text = new TextDecoder().decode(await readBody(request, maxBytes));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidRequestError('Body is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A schema may write an issue for the buyer ("We don't ship to Japan.", marked with BUYER_MESSAGE); every
    // other issue stays in the log behind the generic message.
    const buyerMessage = parsed.error.issues.find(
      (issue) => issue.code === 'custom' && issue.params?.[BUYER_MESSAGE] === true,
    )?.message;
    throw new InvalidRequestError(
      `Bad request body: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      buyerMessage,
    );
  }
  return parsed.data;
}

/**
 * The app's error behind `error`: itself, or one a library wrapped on its way up (Drizzle wraps a failed query,
 * the pool's DatabaseBusyError included, in its own error with the original as `cause`).
 */
function appErrorIn(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof AppError) return current;
  }
  return undefined;
}

/**
 * The one way a route handler answers JSON. Every answer here is a few dozen bytes, and Next gzips a route's answer
 * whatever its size (it drops a stated `Content-Length`, which is what would let it skip small ones): a gzip
 * stream per answer cost ~0.6 ms of the server's one thread per buyer action under load. `no-transform` is the
 * header Next's compression honours to leave an answer as it is; pages and scripts are still compressed.
 */
export function jsonAnswer(body: unknown, init: ResponseInit = {}): NextResponse {
  const headers = new Headers(init.headers);
  headers.set('Cache-Control', [headers.get('Cache-Control'), 'no-transform'].filter(Boolean).join(', '));
  return NextResponse.json(body, { ...init, headers });
}

/** The one way a route handler answers with an error: the safe message to the buyer, the detail to the log. */
export function errorResponse(error: unknown, route: string): NextResponse {
  const appError = appErrorIn(error);
  if (appError) {
    const write = appError.status >= 500 ? log.error : log.warn;
    write('request.failed', { route, code: appError.code, status: appError.status, detail: appError.message });
    const headers =
      appError.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(appError.retryAfterSeconds) };
    return jsonAnswer({ type: 'error', message: appError.publicMessage } satisfies ErrorAnswer, {
      status: appError.status,
      headers,
    });
  }
  log.error('request.failed', { route, status: 500, error });
  return jsonAnswer({ type: 'error', message: GENERIC_SERVER_ERROR } satisfies ErrorAnswer, { status: 500 });
}
