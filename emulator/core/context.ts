// What a handler sees: the account's state plus this request's identity and API version.
import type Stripe from 'stripe';
import type { Clock } from './clock';
import type { Expander } from './expand';
import type { Store } from './store';
import type { ApiVersion } from './version';

export type Auth = 'secret' | 'publishable';

export interface EventSink {
  /** Records an event for `object` and queues its webhook deliveries. */
  emit(
    ctx: RequestCtx | null,
    type: Stripe.Event.Type,
    object: unknown,
    previous?: Record<string, unknown>,
  ): Stripe.Event;
}

export interface World {
  store: Store;
  clock: Clock;
  events: EventSink;
  /** Applies `expand[]` to what `respond` sends. */
  expander: Expander;
}

export interface RequestCtx extends World {
  requestId: string;
  idempotencyKey: string | null;
  version: ApiVersion;
  auth: Auth;
}
