import 'server-only';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { database } from '@/lib/db/client';
import { recordPaidOrder } from '@/lib/db/orders';
import { log } from '@/lib/log';
import { retrieveReceipt } from '@/lib/stripe/checkout-sessions';
import type { WebhookEvent } from '@/lib/stripe/webhooks';

/**
 * Fulfils a paid checkout, from the `checkout.session.completed` / `async_payment_succeeded` webhook (the
 * return page is not enough: a buyer may close the tab before it loads). The session is read back from
 * Stripe rather than trusted from the event body; then one transaction records the event, the order (one per
 * session) and the sale of its held units. Only a newly recorded order is shipped, so a redelivered event
 * ships nothing twice. This template logs the order; a fork ships it here (email, warehouse API). Shipping
 * runs after the commit: if it throws, the webhook answers 500 but the order stays recorded, so make the
 * fork's shipping retry on its own (or read unshipped orders from the database) rather than count on Stripe.
 */
export async function fulfilCheckout(event: WebhookEvent & { objectId: string }): Promise<CheckoutReceipt | null> {
  const receipt = await retrieveReceipt(event.objectId);
  if (receipt.status !== 'complete' || receipt.paymentStatus === 'unpaid') {
    log.info('fulfilment.not_paid', { session: receipt.id, status: receipt.status, paymentStatus: receipt.paymentStatus });
    return null;
  }
  const orderId = await recordPaidOrder(await database(), { eventId: event.id, eventType: event.type }, receipt);
  if (orderId === null) {
    log.info('fulfilment.already_recorded', { session: receipt.id, event: event.id });
    return null;
  }
  log.info('fulfilment.paid', {
    order: orderId,
    session: receipt.id,
    amountTotal: receipt.amountTotal,
    currency: receipt.currency,
    items: receipt.items.map((item) => `${item.quantity} × ${item.description}`),
  });
  return receipt;
}
