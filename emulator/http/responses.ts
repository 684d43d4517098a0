// Building responses: JSON bodies, Stripe's error envelope, CORS for what browsers call.
import { StripeApiError, MSG } from '../core/errors';

export type HttpRequest = {
  method: string;
  /** Path with its query string, e.g. `/v1/prices?lookup_keys[0]=tee`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };
/** `drop`: the listener destroys the socket instead of answering (fault kind `drop`). */
export type Outcome = HttpResponse & { drop?: boolean };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, no-store', ...headers },
    body: JSON.stringify(value, null, 2),
  };
}

/**
 * Stripe's error envelope; `doc_url` points into docs.stripe.com, where Stripe's own errors point. Stripe
 * also sends `request_log_url`, a link to the request in its Dashboard; the local Stripe has no such
 * page per request, so it leaves the field out (the `Request-Id` header names the request in
 * `/_emulator/requests`).
 */
export function errorBody(error: StripeApiError): { error: Record<string, string> } {
  const { code, param, decline_code: declineCode } = error.details;
  const body: Record<string, string> = { type: error.type, message: error.message };
  if (code) {
    body.code = code;
    body.doc_url = `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;
  }
  if (param) body.param = param;
  if (declineCode) body.decline_code = declineCode;
  return { error: body };
}

export function errorResponse(error: unknown, headers: Record<string, string> = {}): HttpResponse {
  if (error instanceof StripeApiError) return json(error.status, errorBody(error), headers);
  // A bug in the emulator: say so in Stripe's envelope rather than crash the server.
  console.error('[local stripe] internal error', error);
  const wrapped = new StripeApiError(
    500,
    'api_error',
    MSG.internal(error instanceof Error ? error.message : String(error)),
  );
  return json(500, errorBody(wrapped), headers);
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Stripe-Version, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Request-Id, Stripe-Version, Idempotent-Replayed',
  'Access-Control-Max-Age': '600',
};

export function header(req: HttpRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(req.headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
