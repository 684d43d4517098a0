// Idempotency-Key on POST/DELETE (API-NOTES §5): the same key and the same request replay the first
// response with `Idempotent-Replayed: true`; the same key with other params is a 400 idempotency_error;
// a key whose first request is still running is a 409 (which the SDK retries).
// Only responses of requests that executed are kept (2xx, and 402 card errors), as Stripe does not save
// results of requests that failed validation or never started (so injected faults can be retried).
// Like Stripe, keys are forgotten 24 hours after their first use, by the emulator's clock (which the
// controls can advance), so a long-running local Stripe does not keep every response it ever sent.
import type { Clock } from '../core/clock';
import { StripeApiError, MSG } from '../core/errors';

export type SavedResponse = { status: number; headers: Record<string, string>; body: string };
type Entry = { fingerprint: string; response: SavedResponse | null; firstUsedMs: number };

export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  // A Map iterates in insertion order, which is first-use order: the oldest keys come first.
  private entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.entries.size;
  }

  /** A response to replay, null to proceed (the key is then marked in flight), or a thrown error. */
  begin(key: string, fingerprint: string): SavedResponse | null {
    const nowMs = this.clock.nowMs();
    this.prune(nowMs);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { fingerprint, response: null, firstUsedMs: nowMs });
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

  /** Forgets keys first used 24 hours ago or more. */
  prune(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.firstUsedMs < IDEMPOTENCY_KEY_LIFETIME_MS) return;
      this.entries.delete(key);
    }
  }

  reset(): void {
    this.entries.clear();
  }
}
