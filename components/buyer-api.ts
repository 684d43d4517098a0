// The browser's one client for the buyer's endpoints (lib/buyer-api.ts): it sends the body the endpoint's schema
// takes and reads back its answer, or the refusal, with one parser for every error. Endpoints go by name: the
// types come from the schemas, the path from lib/buyer-paths.ts, and no schema (nor zod) reaches the browser.
import type { AnswerOf, BodyOf, BuyerEndpointName, BuyerEndpoints, ErrorAnswer } from '@/lib/buyer-api';
import { BUYER_PATHS } from '@/lib/buyer-paths';

/** How long the browser waits for one of our endpoints before it calls the request failed. */
export const BUYER_REQUEST_TIMEOUT_MS = 15_000;

export type BuyerResult<N extends BuyerEndpointName> =
  | { ok: true; status: number; answer: AnswerOf<BuyerEndpoints[N]> }
  /**
   * `message`: our endpoint's words for the buyer, or null when there are none (a network failure, a timeout, an
   * answer that is not ours); `status` 0 when nothing came back; `retryAfter` in seconds when the server sent one.
   */
  | { ok: false; status: number; message: string | null; retryAfter: number | null };

/**
 * POSTs `body` to the endpoint named. Never throws: a network failure or a timeout is a result like any refusal.
 * `timeoutMs` null: no timeout of ours (a checkout update runs inside Stripe.js's `runServerUpdate`, which bounds it).
 */
export async function callBuyerEndpoint<N extends BuyerEndpointName>(
  name: N,
  body: BodyOf<BuyerEndpoints[N]>,
  { timeoutMs = BUYER_REQUEST_TIMEOUT_MS }: { timeoutMs?: number | null } = {},
): Promise<BuyerResult<N>> {
  let response: Response;
  try {
    response = await fetch(BUYER_PATHS[name], {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: timeoutMs === null ? null : AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, status: 0, message: null, retryAfter: null };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok && payload !== null)
    return { ok: true, status: response.status, answer: payload as AnswerOf<BuyerEndpoints[N]> };
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return {
    ok: false,
    status: response.status,
    message: errorMessageOf(payload),
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
  };
}

/** The buyer's message of an error answer (`{type: 'error', message}`), or null when the body is not one. */
export function errorMessageOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, message } = payload as Partial<ErrorAnswer>;
  return type === 'error' && typeof message === 'string' ? message : null;
}
