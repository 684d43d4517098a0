import 'server-only';
import { fulfilCheckout, isPaid, retrieveOrderReceipt } from '@/lib/actions/fulfil-checkout';
import { isBound } from '@/lib/session-binding';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { database } from '@/lib/db/client';
import { findOrder, type StoredOrder } from '@/lib/db/orders';
import { InvalidRequestError } from '@/lib/errors';
import { log } from '@/lib/log';

/** What the return page shows for a session. */
export type ReturnView =
  | { kind: 'order'; order: StoredOrder }
  /** Paid, but the order could not be recorded yet (the database is down, or a delayed payment is still pending). */
  | { kind: 'pending'; receipt: CheckoutReceipt }
  | { kind: 'open'; sessionId: string }
  | { kind: 'expired' }
  | { kind: 'not_found' }
  | { kind: 'other_browser' };

/**
 * The buyer is back from paying. The order is recorded here when no webhook has done it yet, through the same
 * exactly-once transaction (keyed by the session): the buyer sees their order number at once, and a webhook that
 * arrives later, or never, changes nothing. Only the browser that made the checkout sees its receipt.
 */
export async function orderForReturnPage(sessionId: string, browserToken: string | undefined): Promise<ReturnView> {
  const db = await database();
  const stored = await findOrder(db, sessionId);
  if (stored)
    return isBound(browserToken, stored.bindingTag) ? { kind: 'order', order: stored } : { kind: 'other_browser' };
  const receipt = await retrieveOrderReceipt(sessionId).catch((error: unknown) => {
    if (error instanceof InvalidRequestError) return null; // Stripe has no such session
    throw error;
  });
  if (!receipt) return { kind: 'not_found' };
  if (!isBound(browserToken, receipt.bindingTag)) return { kind: 'other_browser' };
  if (receipt.status === 'expired') return { kind: 'expired' };
  if (receipt.status !== 'complete') return { kind: 'open', sessionId };
  if (isPaid(receipt)) {
    try {
      await fulfilCheckout(sessionId, 'return_page', undefined, receipt);
      const order = await findOrder(db, sessionId);
      if (order) return { kind: 'order', order };
    } catch (error) {
      // The payment is safe at Stripe; the webhook or the reconciler records it. The page asks again shortly.
      log.error('return_page.record_failed', { session: sessionId, error });
    }
  }
  return { kind: 'pending', receipt };
}
