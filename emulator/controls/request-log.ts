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

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  all(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
