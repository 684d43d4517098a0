// The log of /v1 requests (GET /_emulator/requests), so a test can count the Stripe calls a buyer
// action makes. `path` is the path without its query string; `at` is the emulator clock, ISO 8601.
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

/** A bounded ring: past `capacity` entries, the oldest is overwritten, so memory stays flat. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  /** Where the next entry goes once the ring is full (then also the oldest entry). */
  private next = 0;

  constructor(readonly capacity: number = DEFAULT_REQUEST_LOG_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`The request log size must be a positive integer, not ${capacity}.`);
  }

  add(entry: LoggedRequest): void {
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  all(): LoggedRequest[] {
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
  }
}
