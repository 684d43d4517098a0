import 'server-only';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { retrieveReceipt } from '@/lib/stripe/checkout-sessions';

/**
 * Fulfils a paid checkout, from the `checkout.session.completed` webhook (the return page is not enough:
 * a buyer may close the tab before it loads). The session is read back from Stripe rather than trusted
 * from the event body. This template records the order in the server log; a fork ships it here, and keeps
 * the session ids it fulfilled, since Stripe may deliver one event more than once.
 */
export async function fulfilCheckout(sessionId: string): Promise<CheckoutReceipt | null> {
  const receipt = await retrieveReceipt(sessionId);
  if (receipt.status !== 'complete' || receipt.paymentStatus === 'unpaid') {
    console.info(`[fulfilment] ${sessionId} is ${receipt.status}/${receipt.paymentStatus}: nothing to fulfil yet`);
    return null;
  }
  const items = receipt.items.map((item) => `${item.quantity} × ${item.description}`).join(', ');
  console.info(`[fulfilment] ${sessionId} paid ${receipt.amountTotal} ${receipt.currency}: ${items}`);
  return receipt;
}
