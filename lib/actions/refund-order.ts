import 'server-only';
import { planRefund, refundMetadata, RefundPlanError, type RefundRequest } from '@/lib/admin/refund-plan';
import { bookStripeRefund } from '@/lib/actions/book-stripe-refund';
import { database } from '@/lib/db/client';
import { findOrderById } from '@/lib/db/admin-orders';
import { listOrderRefunds, refundedUnitsByLine, refundOfRequest } from '@/lib/db/refunds';
import { InvalidRequestError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { createRefund } from '@/lib/stripe/refunds';

export type RefundOrderInput = { orderId: number; request: RefundRequest; restock: boolean; formKey: string };

/**
 * Refunds a paid order, whole or some lines, from the back office: the amount is decided from the order as
 * recorded (lib/admin/refund-plan.ts), Stripe refunds it under a key minted with the form (a form sent twice is
 * one refund at Stripe), and the refund is booked by Stripe's id (so its webhooks don't count it again).
 * Returns the text the owner reads.
 */
export async function refundOrder({ orderId, request, restock, formKey }: RefundOrderInput): Promise<string> {
  const db = await database();
  const requestKey = `admin-refund:${orderId}:${formKey}`;
  const earlier = await refundOfRequest(db, requestKey);
  if (earlier) return `This refund was already made (${formatMoney(earlier.amount, earlier.currency)}).`;
  const found = await findOrderById(db, orderId);
  if (!found) throw new InvalidRequestError(`No order ${orderId}`, 'There is no such order.');
  const { order, lines } = found;
  if (order.mode !== 'payment' || !order.paymentIntentId) {
    throw new InvalidRequestError(
      `Order ${orderId} is not a payment`,
      'A plan order is refunded by cancelling its subscription.',
    );
  }
  const units = refundedUnitsByLine(await listOrderRefunds(db, orderId));
  let plan;
  try {
    plan = planRefund(
      {
        amountTotal: order.amountTotal,
        amountRefunded: order.amountRefunded,
        lines: lines.map((line) => ({ ...line, refundedUnits: units.get(line.position) ?? 0 })),
      },
      request,
    );
  } catch (error) {
    if (error instanceof RefundPlanError) throw new InvalidRequestError(error.message, error.message);
    throw error;
  }
  const refund = await createRefund({
    paymentIntentId: order.paymentIntentId,
    amount: plan.amount,
    idempotencyKey: requestKey,
    metadata: refundMetadata(orderId, plan, restock),
  });
  await bookStripeRefund(db, orderId, refund, 'admin', requestKey);
  return `Refunded ${formatMoney(refund.amount, refund.currency)}${restock && plan.lines.length > 0 ? ', and the units are back in stock' : ''}.`;
}
