// The record of webhook delivery attempts (what Stripe's Dashboard shows under an event): when, to which
// endpoint, the answer's status code or the network error. A bounded ring (core/ring.ts), so a long run
// keeps the newest attempts and memory stays flat.
import { Ring } from '../core/ring';

export type DeliveryAttempt = {
  eventId: string;
  endpointId: string;
  url: string;
  /** 1 for the first attempt of a delivery, 2 for its first retry, …; a redelivery starts again at 1. */
  attempt: number;
  /** A manual redelivery (POST /_emulator/events/:id/redeliver, the dashboard's button). */
  redelivery: boolean;
  /** The emulator clock, ISO 8601, as the request log's `at`. */
  at: string;
  /** The endpoint's HTTP status, or null when no answer came (refused, timed out). */
  status: number | null;
  ok: boolean;
  error: string | null;
};

export const DEFAULT_DELIVERY_LOG_SIZE = 2000;

export class DeliveryLog extends Ring<DeliveryAttempt> {
  constructor(capacity: number = DEFAULT_DELIVERY_LOG_SIZE) {
    super(capacity, 'The delivery log size');
  }

  /** One event's attempts, oldest first. */
  of(eventId: string): DeliveryAttempt[] {
    return this.all().filter((entry) => entry.eventId === eventId);
  }

  /** Whether an attempt to this endpoint already succeeded (so `pending_webhooks` is not lowered twice). */
  succeeded(eventId: string, endpointId: string): boolean {
    return this.all().some((entry) => entry.ok && entry.eventId === eventId && entry.endpointId === endpointId);
  }
}
