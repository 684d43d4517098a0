// Events: recorded in the store (GET /v1/events) and handed to the deliverer.
import type Stripe from 'stripe';
import type { EventSink, RequestCtx } from '../core/context';
import type { Clock } from '../core/clock';
import { newId } from '../core/ids';
import type { Store } from '../core/store';
import { DEFAULT_API_VERSION } from '../core/version';
import type { WebhookDeliverer } from './deliver';

export class Events implements EventSink {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly deliverer: WebhookDeliverer,
  ) {}

  emit(
    ctx: RequestCtx | null,
    type: Stripe.Event.Type,
    object: unknown,
    previous?: Record<string, unknown>,
  ): Stripe.Event {
    const targets = this.deliverer.targets(type);
    const event = {
      id: newId('evt'),
      object: 'event',
      // Events are rendered at the account's default version, the one the SDK pins.
      api_version: DEFAULT_API_VERSION,
      created: this.clock.now(),
      data: previous ? { object, previous_attributes: previous } : { object },
      livemode: false,
      pending_webhooks: targets.length,
      request: { id: ctx?.requestId ?? null, idempotency_key: ctx?.idempotencyKey ?? null },
      type,
      // Stripe.Event is a union over every event type; this one is built for `type`, whichever it is.
    } as Stripe.Event;
    this.store.put('event', event.id, event);
    this.deliverer.deliver(structuredClone(event), targets);
    return event;
  }
}
