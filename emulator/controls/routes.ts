// /_emulator/*: controls for tests and the dev UI. No auth, JSON bodies, never under /v1:
//   POST   /_emulator/reset            clears objects, events, idempotency keys, log, faults, clock offset
//   POST   /_emulator/clock/advance    {"seconds": n}: moves the clock, then expires what is due
//   GET    /_emulator/faults           {"data": [armed faults], "delayed": requests a delay fault still holds}
//   POST   /_emulator/faults           {"method", "path" (glob, * = one segment), "count", "kind", "delayMs"?}
//   DELETE /_emulator/faults           removes every armed fault
//   GET    /_emulator/requests         {"data": [{method, path, status, durationMs, idempotencyKey, requestId, at}]}
//   DELETE /_emulator/requests         clears the log
//   GET    /_emulator/latency          {ms: "150-400", min, max, seed, description}: the delay added to every /v1 answer
//   POST   /_emulator/latency          {"ms": 150 | "150-400" | 0}: sets it (0 turns it off)
//   GET    /_emulator/deliveries       {"data": [webhook delivery attempts, oldest first]}: the newest 2,000
//   POST   /_emulator/events/:id/redeliver  {"endpoint"?: "we_…"}: sends the event again (same id), once per
//                                      endpoint; answers with the attempts once the endpoints have answered
// Errors use the one error builder and envelope of the API (core/errors.ts, http/responses.ts).
import { StripeApiError } from '../core/errors';
import { FAULT_KINDS, type Fault, type FaultKind, type Faults } from '../http/faults';
import { LatencyError, type Latency } from '../http/latency';
import type { RequestLog } from '../http/request-log';
import { errorResponse, json, type HttpResponse } from '../http/responses';
import type { DeliveryAttempt, DeliveryLog } from '../webhooks/deliveries';

export type ControlDeps = {
  faults: Faults;
  log: RequestLog;
  latency: Latency;
  deliveries: DeliveryLog;
  reset(): void;
  advanceClock(seconds: number): number;
  /** Null when there is no such event. */
  redeliver(eventId: string, endpointId?: string): Promise<DeliveryAttempt[] | null>;
};

const bad = (message: string) => new StripeApiError(400, 'invalid_request_error', message);

function parseBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw bad('The body must be a JSON object.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('The body must be a JSON object.');
  return { ...value };
}

const isFaultKind = (value: unknown): value is FaultKind => FAULT_KINDS.some((kind) => kind === value);

export function parseFault(body: Record<string, unknown>): Fault {
  const { method, path, count = 1, kind, delayMs } = body;
  if (typeof method !== 'string' || !method) throw bad('`method` must be an HTTP method, e.g. "POST".');
  if (typeof path !== 'string' || !path.startsWith('/v1/'))
    throw bad('`path` must be a /v1 path glob, e.g. "/v1/checkout/sessions/*".');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    throw bad('`count` must be a positive integer.');
  if (!isFaultKind(kind)) throw bad(`\`kind\` must be one of ${FAULT_KINDS.join(', ')}.`);
  if (delayMs === undefined) return { method, path, count, kind };
  if (typeof delayMs !== 'number' || delayMs < 0) throw bad('`delayMs` must be a number of milliseconds.');
  return { method, path, count, kind, delayMs };
}

export async function handleControl(
  deps: ControlDeps,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpResponse> {
  try {
    return json(200, await control(deps, method, path, body), headers);
  } catch (error) {
    return errorResponse(error, headers);
  }
}

const REDELIVER = /^\/_emulator\/events\/([^/]+)\/redeliver$/;

function setLatency(deps: ControlDeps, input: Record<string, unknown>): unknown {
  const { ms } = input;
  if (typeof ms !== 'number' && typeof ms !== 'string')
    throw bad('`ms` must be milliseconds: a number, or a range like "150-400".');
  try {
    deps.latency.set(ms);
  } catch (error) {
    if (error instanceof LatencyError) throw bad(error.message);
    throw error;
  }
  return deps.latency.toJSON();
}

async function redeliver(deps: ControlDeps, eventId: string, input: Record<string, unknown>): Promise<unknown> {
  const { endpoint } = input;
  if (endpoint !== undefined && typeof endpoint !== 'string') throw bad('`endpoint` must be a webhook endpoint id.');
  const attempts = await deps.redeliver(eventId, endpoint);
  if (!attempts) throw new StripeApiError(404, 'invalid_request_error', `No such event: '${eventId}'`);
  return { data: attempts };
}

function control(deps: ControlDeps, method: string, path: string, body: string): unknown {
  const input = parseBody(body);
  const redeliverMatch = REDELIVER.exec(path);
  if (method === 'POST' && redeliverMatch) return redeliver(deps, decodeURIComponent(redeliverMatch[1] ?? ''), input);
  const route = `${method} ${path}`;
  switch (route) {
    case 'POST /_emulator/reset': {
      deps.reset();
      return { ok: true };
    }
    case 'POST /_emulator/clock/advance': {
      const { seconds } = input;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
        throw bad('`seconds` must be a non-negative number.');
      return { now: deps.advanceClock(seconds) };
    }
    case 'GET /_emulator/faults':
      return { data: deps.faults.list(), delayed: deps.faults.delayed() };
    case 'POST /_emulator/faults': {
      deps.faults.add(parseFault(input));
      return { data: deps.faults.list() };
    }
    case 'DELETE /_emulator/faults': {
      deps.faults.clear();
      return { data: [] };
    }
    case 'GET /_emulator/requests':
      return { data: deps.log.all() };
    case 'DELETE /_emulator/requests': {
      deps.log.clear();
      return { data: [] };
    }
    case 'GET /_emulator/latency':
      return deps.latency.toJSON();
    case 'POST /_emulator/latency':
      return setLatency(deps, input);
    case 'GET /_emulator/deliveries':
      return { data: deps.deliveries.all() };
    default:
      throw new StripeApiError(404, 'invalid_request_error', `Unknown control: ${route}`);
  }
}
