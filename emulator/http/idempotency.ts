// Idempotency-Key on POST/DELETE (API-NOTES §5): the same key and the same request replay the first
// response with `Idempotent-Replayed: true`; the same key with other params is a 400 idempotency_error;
// a key whose first request is still running is a 409 (which the SDK retries).
// Only responses of requests that executed are kept (2xx, and 402 card errors), as Stripe does not save
// results of requests that failed validation or never started (so injected faults can be retried).
// Like Stripe, keys are forgotten 24 hours after their first use, by the emulator's clock (which the
// controls can advance). The store is bounded by count too (issue 21): past `maxKeys` the least
// recently used key goes first, so a busy local Stripe keeps at most that many responses whatever
// the clock does (Stripe documents no count limit: this one is the local Stripe's own).
import type { Clock } from '../core/clock';
import { StripeApiError, MSG } from '../core/errors';

export type SavedResponse = { status: number; headers: Record<string, string>; body: string };
type Entry = { fingerprint: string; response: SavedResponse | null; firstUsedMs: number };

export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** How many keys are kept by default (STRIPE_EMULATOR_IDEMPOTENCY_KEYS sets another). */
export const DEFAULT_IDEMPOTENCY_MAX_KEYS = 10_000;
/** How often, by the emulator's clock, every key is checked for its age (a lookup checks its own key each time). */
const SWEEP_EVERY_MS = 60 * 1000;

export class IdempotencyStore {
  // A Map iterates in insertion order; a key is re-inserted on each use, so the first is the least recently used.
  private entries = new Map<string, Entry>();
  private sweptAtMs = -Infinity;

  constructor(
    private readonly clock: Clock,
    readonly maxKeys: number = DEFAULT_IDEMPOTENCY_MAX_KEYS,
  ) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1)
      throw new RangeError(`idempotency store size must be a positive integer, got ${maxKeys}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** A response to replay, null to proceed (the key is then marked in flight), or a thrown error. */
  begin(key: string, fingerprint: string): SavedResponse | null {
    const nowMs = this.clock.nowMs();
    this.prune(nowMs);
    const entry = this.entries.get(key);
    if (!entry || expired(entry, nowMs)) {
      this.entries.delete(key);
      this.entries.set(key, { fingerprint, response: null, firstUsedMs: nowMs });
      this.evict();
      return null;
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(400, 'idempotency_error', MSG.idempotencyMismatch(key));
    }
    if (!entry.response)
      throw new StripeApiError(409, 'idempotency_error', MSG.idempotencyInFlight, { code: 'idempotency_key_in_use' });
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  finish(key: string, response: SavedResponse): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (response.status < 300 || response.status === 402) entry.response = response;
    else this.entries.delete(key);
  }

  /** Forgets keys first used 24 hours ago or more (a full pass at most once a minute of the emulator's clock). */
  prune(nowMs: number): void {
    if (nowMs - this.sweptAtMs < SWEEP_EVERY_MS && nowMs >= this.sweptAtMs) return;
    this.sweptAtMs = nowMs;
    for (const [key, entry] of this.entries) if (expired(entry, nowMs)) this.entries.delete(key);
  }

  reset(): void {
    this.entries.clear();
    this.sweptAtMs = -Infinity;
  }

  /** Drops the least recently used keys past the cap. */
  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) return;
      this.entries.delete(key);
    }
  }
}

const expired = (entry: Entry, nowMs: number) => nowMs - entry.firstUsedMs >= IDEMPOTENCY_KEY_LIFETIME_MS;
