// Delivers each event to every enabled webhook endpoint that listens to its type: a JSON POST with
// a fresh `Stripe-Signature` per attempt, retried with exponential backoff on a non-2xx answer or a
// network error, like Stripe (which retries for days; we retry a few times, quickly).
// Timers are unref'd so they never keep the process alive, and `stop()` cancels them.
import type Stripe from 'stripe';
import type { Store } from '../core/store';
import { signatureHeader } from './sign';

export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];
const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookDeliverer {
  private timers = new Set<NodeJS.Timeout>();
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly secret: string,
    private readonly retryDelaysMs: number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  /** The endpoints an event goes to; decides `pending_webhooks` before sending. */
  targets(type: string): Stripe.WebhookEndpoint[] {
    return [...this.store.table('webhook_endpoint').values()].filter(
      (e) => e.status === 'enabled' && (e.enabled_events.includes('*') || e.enabled_events.includes(type)),
    );
  }

  deliver(event: Stripe.Event, endpoints: Stripe.WebhookEndpoint[]): void {
    const payload = JSON.stringify(event, null, 2);
    for (const endpoint of endpoints) void this.attempt(endpoint.url, payload, event.id, 0, this.generation);
  }

  private async attempt(url: string, payload: string, eventId: string, n: number, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    // Signed with the host's real time: receivers check it against their own clock (300 s tolerance),
    // which the emulator's advanced clock must not disturb.
    const header = signatureHeader(payload, this.secret, Math.floor(Date.now() / 1000));
    let ok = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': header, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    }
    if (generation !== this.generation) return;
    if (ok) return this.delivered(eventId);
    // Out of retries: the delivery stays counted in `pending_webhooks`, as on Stripe, where the count
    // is of webhooks "that haven't been successfully delivered".
    const delay = this.retryDelaysMs[n];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(url, payload, eventId, n + 1, generation);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** One fewer delivery pending on the stored event. */
  private delivered(eventId: string): void {
    const event = this.store.get('event', eventId);
    if (event && event.pending_webhooks > 0) event.pending_webhooks -= 1;
  }

  /** Cancels pending retries and ignores answers of attempts in flight. */
  stop(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
