import 'server-only';
import { bookStripeRefund } from '@/lib/actions/book-stripe-refund';
import { database } from '@/lib/db/client';
import { orderIdForRefund } from '@/lib/db/refunds';
import { log } from '@/lib/log';
import { listRefunds, paymentIntentOf } from '@/lib/stripe/refunds';

/**
 * A webhook said a payment was refunded (`charge.refunded`, `refund.created`, `refund.updated`): the payment's
 * refunds are read back from Stripe (events can come twice, late, or out of order) and each is booked on its
 * order once, by refund id, or takes its new status. A refund made in the Dashboard reaches the books this way.
 */
export async function syncRefunds(objectId: string): Promise<void> {
  const paymentIntentId = await paymentIntentOf(objectId);
  if (!paymentIntentId) return;
  const db = await database();
  for (const refund of await listRefunds(paymentIntentId)) {
    const orderId = await orderIdForRefund(db, refund.id, paymentIntentId);
    if (orderId === null) {
      // A payment that is not one of our orders (another integration on the account, or a plan's renewal).
      log.warn('refund.unmatched', { refund: refund.id, paymentIntent: paymentIntentId });
      continue;
    }
    await bookStripeRefund(db, orderId, refund, 'stripe');
  }
}
