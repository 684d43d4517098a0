import 'server-only';
import type { Database } from '@/lib/db/client';
import { processedEvents } from '@/lib/db/schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Records a Stripe event id inside the transaction that acts on it. False when it was already recorded: a
 * redelivery (or a concurrent duplicate, which waits on the unique key until the first one commits).
 */
export async function claimEvent(tx: Tx, eventId: string, type: string): Promise<boolean> {
  const claimed = await tx
    .insert(processedEvents)
    .values({ eventId, type })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return claimed.length > 0;
}

export type { Tx };
