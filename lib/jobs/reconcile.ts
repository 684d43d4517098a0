import 'server-only';
import { fulfilCheckout } from '@/lib/actions/fulfil-checkout';
import { knownSessions } from '@/lib/db/checkouts';
import { database } from '@/lib/db/client';
import { jobRun, recordJobRun } from '@/lib/db/job-runs';
import { releaseSessionHolds } from '@/lib/db/orders';
import { log } from '@/lib/log';
import { listCheckoutEvents } from '@/lib/stripe/events';

/** The first run looks back as far as Stripe retries a webhook (three days); later runs start at the last one. */
const FIRST_LOOKBACK_SECONDS = 3 * 24 * 60 * 60;
/** Each run reaches back a little before the last one's start: an event stamped a moment early is still seen. */
const OVERLAP_SECONDS = 10 * 60;

export type ReconcileResult = { events: number; recorded: number; released: number };

/**
 * Records what the webhooks missed: every completion event of one of this store's sessions since the last run
 * becomes an order if none exists (exactly once, lib/db/orders.ts), and every expiry or failed payment releases
 * the session's holds. Sessions are known by this store's own checkout records, so a Stripe account shared with
 * another store (or a test server) is left alone. Safe to run late, twice, or beside the webhook.
 */
export async function reconcile(now = new Date()): Promise<ReconcileResult> {
  const db = await database();
  const startedAt = now;
  const last = await jobRun(db, 'reconcile');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const since = last?.cursor
    ? Math.floor(last.cursor.getTime() / 1000) - OVERLAP_SECONDS
    : nowSeconds - FIRST_LOOKBACK_SECONDS;
  const events = await listCheckoutEvents(since);
  const ours = await knownSessions(db, [...new Set(events.map((event) => event.sessionId))]);
  const result: ReconcileResult = { events: events.length, recorded: 0, released: 0 };
  for (const event of events.filter((candidate) => ours.has(candidate.sessionId))) {
    if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
      if (await fulfilCheckout(event.sessionId, 'reconcile')) result.recorded += 1;
    } else {
      result.released += await releaseSessionHolds(db, { eventId: event.id, eventType: event.type }, event.sessionId);
    }
  }
  await recordJobRun(db, 'reconcile', { startedAt, cursor: startedAt });
  if (result.recorded > 0) log.warn('reconcile.recorded_missed_orders', { ...result });
  return result;
}
