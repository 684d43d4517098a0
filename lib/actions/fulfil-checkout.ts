import 'server-only';
import { findProductByLookupKey } from '@/lib/catalog';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { database } from '@/lib/db/client';
import { recordPaidOrder, type OrderRecorder } from '@/lib/db/orders';
import { log } from '@/lib/log';
import { retrieveReceipt } from '@/lib/stripe/checkout-sessions';
import { sendOrderConfirmation } from '@/lib/actions/shop-emails';

const productOf = (lookupKey: string | null) => (lookupKey ? (findProductByLookupKey(lookupKey)?.id ?? null) : null);

/** A session as Stripe reports it now, its lines mapped to the catalog's products. */
export const retrieveOrderReceipt = (sessionId: string) => retrieveReceipt(sessionId, productOf);

/** Stripe says the buyer has paid (or owes nothing, as with a trial): the session is an order. */
export const isPaid = (receipt: Pick<CheckoutReceipt, 'status' | 'paymentStatus'>) =>
  receipt.status === 'complete' && receipt.paymentStatus !== 'unpaid';

/**
 * Records a paid checkout as an order, exactly once, whichever path gets here first: the completion webhook,
 * the return page (the buyer is back before the webhook), or the reconciler (both missed it). The session is
 * read back from Stripe rather than trusted from an event body; one transaction then records the order with
 * the lines Stripe charged, takes the stock, releases the holds and lowers the cart (lib/db/orders.ts).
 * Only the path that recorded it logs `fulfilment.paid`: this is where a fork ships the goods (email, warehouse
 * API). Returns the receipt when this call recorded the order, null when it was not paid or already recorded.
 */
export async function fulfilCheckout(
  sessionId: string,
  recordedBy: OrderRecorder,
  event?: { id: string; type: string },
  known?: CheckoutReceipt,
): Promise<CheckoutReceipt | null> {
  const receipt = known ?? (await retrieveOrderReceipt(sessionId));
  if (!isPaid(receipt)) {
    log.info('fulfilment.not_paid', {
      session: receipt.id,
      status: receipt.status,
      paymentStatus: receipt.paymentStatus,
    });
    return null;
  }
  const recorded = await recordPaidOrder(await database(), receipt, {
    recordedBy,
    ...(event && { event: { eventId: event.id, eventType: event.type } }),
  });
  if (!recorded) {
    log.info('fulfilment.already_recorded', { session: receipt.id, by: recordedBy, event: event?.id });
    return null;
  }
  log.info('fulfilment.paid', {
    order: recorded.orderId,
    session: receipt.id,
    by: recordedBy,
    amountTotal: receipt.amountTotal,
    currency: receipt.currency,
    items: receipt.items.map((item) => `${item.quantity} × ${item.description}`),
  });
  // Kept (and sent after the response when SMTP_URL is set); never throws, so the order stands whatever the mail does.
  await sendOrderConfirmation(recorded.orderId, receipt);
  for (const { productId, stock } of recorded.shortfalls) {
    // Sold beyond the shelf (a race no hold covered): the buyer has paid, so the order stands; the owner must act.
    log.error('inventory.oversold', { order: recorded.orderId, session: receipt.id, product: productId, stock });
  }
  return receipt;
}
