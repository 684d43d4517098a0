import 'server-only';
import { database } from '@/lib/db/client';
import { findOrder, type StoredOrder } from '@/lib/db/orders';

/** The order the webhook recorded for a session, or null while Stripe's event is still on its way. */
export async function findPaidOrder(sessionId: string): Promise<StoredOrder | null> {
  return findOrder(await database(), sessionId);
}
