// /_emulator/*: controls for tests and the dev UI. No auth, JSON bodies, never under /v1:
//   POST   /_emulator/reset            clears objects, events, idempotency keys, log, faults, clock offset
//   POST   /_emulator/clock/advance    {"seconds": n}: moves the clock, then expires what is due
//   POST   /_emulator/faults           {"method", "path" (glob, * = one segment), "count", "kind", "delayMs"?}
//   DELETE /_emulator/faults           removes every armed fault
//   GET    /_emulator/requests         {"data": [{method, path, status, durationMs, idempotencyKey, requestId, at}]}
//   DELETE /_emulator/requests         clears the log
import { json, type HttpResponse } from '../http/responses';
import { FAULT_KINDS, type Fault, type Faults } from '../http/faults';
import type { RequestLog } from '../http/request-log';

export type ControlDeps = {
  faults: Faults;
  log: RequestLog;
  reset(): void;
  advanceClock(seconds: number): number;
};

const bad = (message: string, headers: Record<string, string>) =>
  json(400, { error: { type: 'invalid_request_error', message } }, headers);

function parseBody(body: string): Record<string, unknown> | null {
  if (!body.trim()) return {};
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parseFault(b: Record<string, unknown>): Fault | string {
  const { method, path, count = 1, kind, delayMs } = b;
  if (typeof method !== 'string' || !method) return '`method` must be an HTTP method, e.g. "POST".';
  if (typeof path !== 'string' || !path.startsWith('/v1/')) return '`path` must be a /v1 path glob, e.g. "/v1/checkout/sessions/*".';
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return '`count` must be a positive integer.';
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) return `\`kind\` must be one of ${FAULT_KINDS.join(', ')}.`;
  if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) return '`delayMs` must be a number of milliseconds.';
  return { method, path, count, kind: kind as Fault['kind'], ...(delayMs !== undefined ? { delayMs: delayMs as number } : {}) };
}

export function handleControl(deps: ControlDeps, method: string, path: string, body: string, headers: Record<string, string>): HttpResponse {
  const b = parseBody(body);
  if (b === null) return bad('The body must be a JSON object.', headers);
  const route = `${method} ${path}`;
  switch (route) {
    case 'POST /_emulator/reset': {
      deps.reset();
      return json(200, { ok: true }, headers);
    }
    case 'POST /_emulator/clock/advance': {
      if (typeof b.seconds !== 'number' || !Number.isFinite(b.seconds) || b.seconds < 0) {
        return bad('`seconds` must be a non-negative number.', headers);
      }
      return json(200, { now: deps.advanceClock(b.seconds) }, headers);
    }
    case 'POST /_emulator/faults': {
      const fault = parseFault(b);
      if (typeof fault === 'string') return bad(fault, headers);
      deps.faults.add(fault);
      return json(200, { data: deps.faults.list() }, headers);
    }
    case 'DELETE /_emulator/faults': {
      deps.faults.clear();
      return json(200, { data: [] }, headers);
    }
    case 'GET /_emulator/requests':
      return json(200, { data: deps.log.all() }, headers);
    case 'DELETE /_emulator/requests': {
      deps.log.clear();
      return json(200, { data: [] }, headers);
    }
    default:
      return json(404, { error: { type: 'invalid_request_error', message: `Unknown control: ${route}` } }, headers);
  }
}
