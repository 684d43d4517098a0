// The log of /v1 requests (GET /_emulator/requests), so a test can count the Stripe calls a buyer
// action makes. `path` is the path without its query string; `at` is the emulator clock, ISO 8601.
import { Ring } from '../core/ring';

export type LoggedRequest = {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  idempotencyKey: string | null;
  requestId: string;
  at: string;
};

export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/** The newest `capacity` requests (core/ring.ts). */
export class RequestLog extends Ring<LoggedRequest> {
  constructor(capacity: number = DEFAULT_REQUEST_LOG_SIZE) {
    super(capacity, 'The request log size');
  }
}
