import 'server-only';
import { database } from '@/lib/db/client';
import { releaseSessionHolds } from '@/lib/db/orders';
import { log } from '@/lib/log';
import type { WebhookEvent } from '@/lib/stripe/webhooks';

/**
 * Gives a session's held units back at once, when it expires unpaid or its delayed payment fails
 * (availability already ignores a hold past its expiry; this makes the units available before that too).
 */
export async function releaseCheckout(event: WebhookEvent & { objectId: string }): Promise<void> {
  const released = await releaseSessionHolds(
    await database(),
    { eventId: event.id, eventType: event.type },
    event.objectId,
  );
  if (released > 0) log.info('inventory.released', { type: event.type, session: event.objectId, holds: released });
}
