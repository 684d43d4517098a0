import 'server-only';
import { refundFromMetadata } from '@/lib/admin/refund-plan';
import type { Database } from '@/lib/db/client';
import { bookRefund } from '@/lib/db/refunds';
import { log } from '@/lib/log';
import { sendRefundNotice } from '@/lib/actions/shop-emails';
import type { StripeRefund } from '@/lib/stripe/refunds';

/**
 * Books a refund as Stripe reports it, with the lines and restock its metadata carries (set by the back office;
 * none for a Dashboard refund). Both the back office and the webhooks come through here, so whichever is first
 * books the same thing, and the second finds it booked. Returns whether this call booked it.
 */
export async function bookStripeRefund(
  db: Database,
  orderId: number,
  refund: StripeRefund,
  source: 'admin' | 'stripe',
  requestKey?: string,
): Promise<boolean> {
  const { lines, restock } = refundFromMetadata(refund.metadata);
  // A refund the back office made says so in its metadata, even when its webhook books it first.
  const by = refund.metadata.order_id ? 'admin' : source;
  const booked = await bookRefund(db, {
    orderId,
    refund: {
      refundId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      status: refund.status,
      reason: refund.reason,
    },
    source: by,
    lines,
    restock,
    ...(requestKey && { requestKey }),
  });
  if (!booked) return false;
  log.info('refund.booked', {
    order: orderId,
    refund: refund.id,
    amount: refund.amount,
    status: refund.status,
    by,
    lines: lines.length,
    restock,
  });
  if (refund.status === 'succeeded' || refund.status === 'pending')
    await sendRefundNotice(orderId, { id: refund.id, amount: refund.amount, lines });
  return booked;
}
