// The /v1 pipeline, top to bottom (STYLE §10, like stripe-mock's HandleRequest):
//   faults → auth → API version → route → idempotency → parse form params → validate → handler → write
// and every request, whatever its outcome, goes to the request log.
import type { World } from '../core/context';
import { invalid, MAX_IDEMPOTENCY_KEY_LENGTH, MSG, StripeApiError } from '../core/errors';
import { parseForm } from '../core/form-encoding';
import { parseApiVersion } from '../core/version';
import { authenticate, checkKeyKind } from './auth';
import type { Faults } from './faults';
import type { RequestLog } from './request-log';
import type { IdempotencyStore } from './idempotency';
import {
  CORS_HEADERS,
  errorResponse,
  header,
  json,
  type HttpRequest,
  type HttpResponse,
  type Outcome,
} from './responses';
import type { Router } from './router';

export type ApiDeps = { world: World; router: Router; idempotency: IdempotencyStore; faults: Faults; log: RequestLog };

export async function handleApi(deps: ApiDeps, req: HttpRequest, url: URL, requestId: string): Promise<Outcome> {
  const started = performance.now();
  const method = req.method.toUpperCase();
  const idempotencyKey = header(req, 'idempotency-key') ?? null;
  const base: Record<string, string> = { 'Request-Id': requestId };
  if (url.pathname.startsWith('/v1/payment_pages/')) Object.assign(base, CORS_HEADERS);

  let out: Outcome;
  const fault = deps.faults.take(method, url.pathname);
  if (fault?.kind === 'error_500') out = errorResponse(new StripeApiError(500, 'api_error', MSG.apiError), base);
  else if (fault?.kind === 'error_429') {
    out = errorResponse(new StripeApiError(429, 'rate_limit_error', MSG.rateLimited, { code: 'rate_limit' }), base);
  } else if (fault?.kind === 'drop') out = { status: 0, headers: {}, body: '', drop: true };
  else {
    if (fault?.kind === 'delay') await deps.faults.hold(fault);
    out = execute(deps, req, url, method, requestId, idempotencyKey, base);
  }

  deps.log.add({
    method,
    path: url.pathname,
    status: out.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    idempotencyKey,
    requestId,
    at: new Date(deps.world.clock.nowMs()).toISOString(),
  });
  return out;
}

function execute(
  deps: ApiDeps,
  req: HttpRequest,
  url: URL,
  method: string,
  requestId: string,
  idempotencyKey: string | null,
  base: Record<string, string>,
): HttpResponse {
  const headers = { ...base };
  let ownsKey = false;
  let response: HttpResponse;
  try {
    const auth = authenticate(header(req, 'authorization'));
    const version = parseApiVersion(header(req, 'stripe-version'));
    headers['Stripe-Version'] = version.header;
    const match = deps.router.match(method, url.pathname);
    if (!match) throw new StripeApiError(404, 'invalid_request_error', MSG.unrecognizedUrl(method, url.pathname));
    checkKeyKind(match.route.auth, auth);

    if (idempotencyKey && method !== 'GET') {
      if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
        throw invalid(MSG.idempotencyKeyLength(idempotencyKey.length));
      headers['Idempotency-Key'] = idempotencyKey;
      const saved = deps.idempotency.begin(idempotencyKey, `${method} ${url.pathname}?${url.search}\n${req.body}`);
      if (saved)
        return { ...saved, headers: { ...saved.headers, 'Request-Id': requestId, 'Idempotent-Replayed': 'true' } };
      ownsKey = true;
    }

    const form = { ...parseForm(url.search.slice(1)), ...(method === 'GET' ? {} : parseForm(req.body)) };
    const ctx = { ...deps.world, requestId, idempotencyKey, version, auth };
    response = json(200, match.route.run(ctx, form, match.path), headers);
  } catch (error) {
    response = errorResponse(error, headers);
  }
  if (ownsKey && idempotencyKey) deps.idempotency.finish(idempotencyKey, response);
  return response;
}
