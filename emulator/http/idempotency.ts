// Idempotency-Key on POST/DELETE (API-NOTES §5): the same key and the same request replay the first
// response with `Idempotent-Replayed: true`; the same key with other params is a 400 idempotency_error;
// a key whose first request is still running is a 409 (which the SDK retries).
// Only responses of requests that executed are kept (2xx, and 402 card errors), as Stripe does not save
// results of requests that failed validation or never started (so injected faults can be retried).
import { StripeApiError, MSG } from '../core/errors';

export type SavedResponse = { status: number; headers: Record<string, string>; body: string };
type Entry = { fingerprint: string; response: SavedResponse | null };

export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  /** A response to replay, null to proceed (the key is then marked in flight), or a thrown error. */
  begin(key: string, fingerprint: string): SavedResponse | null {
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { fingerprint, response: null });
      return null;
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(400, 'idempotency_error', MSG.idempotencyMismatch(key));
    }
    if (!entry.response) throw new StripeApiError(409, 'idempotency_error', MSG.idempotencyInFlight);
    return entry.response;
  }

  finish(key: string, response: SavedResponse): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (response.status < 300 || response.status === 402) entry.response = response;
    else this.entries.delete(key);
  }

  reset(): void {
    this.entries.clear();
  }
}
