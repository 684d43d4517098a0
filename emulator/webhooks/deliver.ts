// Delivers each event to every enabled webhook endpoint that listens to its type: a JSON POST with
// a fresh `Stripe-Signature` per attempt, retried with exponential backoff on a non-2xx answer or a
// network error, like Stripe (which retries for days; we retry a few times, quickly).
// Timers are unref'd so they never keep the process alive, and `stop()` cancels them. Every attempt is
// recorded in the delivery log (the dashboard shows it), and `redeliver` sends a stored event again.
import type Stripe from 'stripe';
import type { Store } from '../core/store';
import { DeliveryLog, type DeliveryAttempt } from './deliveries';
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
    readonly log: DeliveryLog = new DeliveryLog(),
    /** The emulator clock in milliseconds, for the attempts' `at`. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The endpoints an event goes to; decides `pending_webhooks` before sending. */
  targets(type: string): Stripe.WebhookEndpoint[] {
    return [...this.store.table('webhook_endpoint').values()].filter(
      (e) => e.status === 'enabled' && (e.enabled_events.includes('*') || e.enabled_events.includes(type)),
    );
  }

  deliver(event: Stripe.Event, endpoints: Stripe.WebhookEndpoint[]): void {
    const payload = JSON.stringify(event, null, 2);
    for (const endpoint of endpoints) void this.attempt(endpoint, payload, event.id, 0, this.generation, false);
  }

  /**
   * Sends a stored event again, same id and body as it is now, to one endpoint or to every endpoint that
   * listens to its type: one attempt each, no retries (as the Dashboard's "Resend"). Resolves once answered.
   */
  async redeliver(eventId: string, endpointId?: string): Promise<DeliveryAttempt[]> {
    const event = this.store.get('event', eventId);
    if (!event) return [];
    const endpoint = endpointId === undefined ? undefined : this.store.get('webhook_endpoint', endpointId);
    const endpoints = endpointId === undefined ? this.targets(event.type) : endpoint ? [endpoint] : [];
    const payload = JSON.stringify(event, null, 2);
    const attempts = await Promise.all(
      endpoints.map((e) => this.attempt(e, payload, event.id, 0, this.generation, true, false)),
    );
    return attempts.filter((attempt) => attempt !== undefined);
  }

  private async attempt(
    endpoint: Stripe.WebhookEndpoint,
    payload: string,
    eventId: string,
    n: number,
    generation: number,
    redelivery: boolean,
    retry = true,
  ): Promise<DeliveryAttempt | undefined> {
    if (generation !== this.generation) return;
    const { url } = endpoint;
    // Signed with the host's real time: receivers check it against their own clock (300 s tolerance),
    // which the emulator's advanced clock must not disturb.
    const header = signatureHeader(payload, this.secret, Math.floor(Date.now() / 1000));
    const at = new Date(this.nowMs()).toISOString();
    let ok = false;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': header,
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      status = res.status;
      ok = res.status >= 200 && res.status < 300;
      if (!ok) error = `HTTP ${res.status}`;
    } catch (failure) {
      ok = false;
      error = networkError(failure);
    }
    if (generation !== this.generation) return;
    const record: DeliveryAttempt = {
      eventId,
      endpointId: endpoint.id,
      url,
      attempt: n + 1,
      redelivery,
      at,
      status,
      ok,
      error,
    };
    if (ok && !this.log.succeeded(eventId, endpoint.id)) this.delivered(eventId);
    this.log.add(record);
    if (ok || !retry) return record;
    // Out of retries: the delivery stays counted in `pending_webhooks`, as on Stripe, where the count
    // is of webhooks "that haven't been successfully delivered".
    const delay = this.retryDelaysMs[n];
    if (delay === undefined) return record;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(endpoint, payload, eventId, n + 1, generation, redelivery);
    }, delay);
    timer.unref();
    this.timers.add(timer);
    return record;
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

/** What went wrong without an answer: Node's fetch hides the socket's code (ECONNREFUSED) or its reason in `cause`. */
function networkError(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  if (failure.name === 'TimeoutError') return `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`;
  const cause = failure.cause instanceof Error ? (failure.cause as Error & { code?: unknown }) : undefined;
  return typeof cause?.code === 'string' ? cause.code : (cause?.message ?? failure.message);
}
