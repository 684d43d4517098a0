import 'server-only';
import { bookStripeRefund } from '@/lib/actions/book-stripe-refund';
import { database } from '@/lib/db/client';
import { findOrderById } from '@/lib/db/admin-orders';
import { markOrderCanceled, refundOfRequest } from '@/lib/db/refunds';
import { InvalidRequestError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { createRefund, listRefunds } from '@/lib/stripe/refunds';
import { cancelSubscription, retrieveSubscriptionState } from '@/lib/stripe/subscriptions';

/**
 * A plan order: cancels its subscription at once and, when asked, refunds what is left of its latest payment
 * (under the form's key, booked by refund id like any other). A trial's first invoice is $0: nothing to refund.
 */
export async function cancelPlanOrder({
  orderId,
  refund,
  formKey,
}: {
  orderId: number;
  refund: boolean;
  formKey: string;
}): Promise<string> {
  const db = await database();
  const found = await findOrderById(db, orderId);
  if (!found?.order.subscriptionId)
    throw new InvalidRequestError(`Order ${orderId} has no subscription`, 'This order has no subscription to cancel.');
  const subscriptionId = found.order.subscriptionId;
  const state = await retrieveSubscriptionState(subscriptionId);
  await cancelSubscription(subscriptionId);
  await markOrderCanceled(db, orderId);
  if (!refund) return 'The subscription is cancelled.';

  const payment = state.latestPayment;
  if (!payment?.paymentIntentId || payment.amountPaid === 0)
    return 'The subscription is cancelled. Its latest invoice was $0 (a free trial): there is nothing to refund.';
  const requestKey = `admin-plan-refund:${orderId}:${formKey}`;
  if (await refundOfRequest(db, requestKey))
    return 'The subscription is cancelled and its latest payment was already refunded.';
  const refunded = (await listRefunds(payment.paymentIntentId))
    .filter((r) => r.status !== 'failed' && r.status !== 'canceled')
    .reduce((sum, r) => sum + r.amount, 0);
  const left = payment.amountPaid - refunded;
  if (left <= 0) return 'The subscription is cancelled; its latest payment had been refunded already.';
  const made = await createRefund({
    paymentIntentId: payment.paymentIntentId,
    amount: left,
    idempotencyKey: requestKey,
    metadata: { order_id: String(orderId) },
  });
  await bookStripeRefund(db, orderId, made, 'admin', requestKey);
  return `The subscription is cancelled and ${formatMoney(made.amount, made.currency)} of its latest payment is refunded.`;
}
