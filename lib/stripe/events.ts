import 'server-only';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';

/** A Checkout Session event as the reconciler needs it: which, what happened, and when (Unix seconds). */
export type CheckoutEvent = { id: string; type: string; sessionId: string; created: number };

export const CHECKOUT_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;

/**
 * Stripe's Checkout Session events created at or after `since` (Unix seconds), oldest first, at most `max`.
 * An event's `created` is when it happened (a completion event's is the payment's time), so a session made
 * before the last run and paid after it is still found. Stripe keeps events for 30 days.
 */
export async function listCheckoutEvents(since: number, max = 1000): Promise<CheckoutEvent[]> {
  const events: CheckoutEvent[] = [];
  const pages = stripe().events.list({ types: [...CHECKOUT_EVENT_TYPES], created: { gte: since }, limit: 100 });
  await callStripe(() =>
    pages.autoPagingEach((event) => {
      const object = event.data.object as { id?: unknown };
      if (typeof object.id === 'string')
        events.push({ id: event.id, type: event.type, sessionId: object.id, created: event.created });
      return events.length < max;
    }),
  );
  return events.reverse();
}
