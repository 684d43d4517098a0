import 'server-only';
import { fulfilCheckout } from '@/lib/actions/fulfil-checkout';
import { endCheckout, openCheckoutsPastExpiry } from '@/lib/db/checkouts';
import { database } from '@/lib/db/client';
import { deleteExpiredHolds } from '@/lib/db/inventory';
import { deleteExpiredLeases } from '@/lib/db/leases';
import { deleteOldWindows } from '@/lib/db/rate-limits';
import { log } from '@/lib/log';
import { expireCheckout } from '@/lib/stripe/checkout-sessions';

export type SweepResult = { expired: number; paid: number; failed: number; holdsDeleted: number };

/**
 * Ends what has outlived its time, whether or not Stripe's `checkout.session.expired` webhook arrived: each
 * checkout this store still records as open past its expiry is expired at Stripe (one Stripe found paid is
 * recorded as an order instead: never lost), then every hold, lease and rate-limit window past its time is
 * deleted. Running it late or twice does no harm: each step only ends what is already over.
 */
export async function sweep(now = new Date()): Promise<SweepResult> {
  const db = await database();
  const result: SweepResult = { expired: 0, paid: 0, failed: 0, holdsDeleted: 0 };
  for (const checkout of await openCheckoutsPastExpiry(db, now)) {
    try {
      const status = await expireCheckout(checkout.sessionId);
      if (status === 'complete') {
        await fulfilCheckout(checkout.sessionId, 'reconcile');
        result.paid += 1;
      } else {
        result.expired += 1;
      }
      await endCheckout(db, checkout.sessionId, status === 'complete' ? 'complete' : 'expired');
    } catch (error) {
      // One session Stripe cannot answer for now must not stop the rest; the next sweep tries it again.
      result.failed += 1;
      log.warn('sweep.session_failed', { session: checkout.sessionId, error });
    }
  }
  result.holdsDeleted = await deleteExpiredHolds(db, now);
  await deleteExpiredLeases(db, now);
  await deleteOldWindows(db, new Date(now.getTime() - 60 * 60_000));
  return result;
}
