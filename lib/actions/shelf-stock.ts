import 'server-only';
import { database } from '@/lib/db/client';
import { availableStock } from '@/lib/db/inventory';

/** How many units of each product a buyer can still get: stock less what open checkouts hold. */
export async function shelfStock(): Promise<ReadonlyMap<string, number>> {
  return availableStock(await database());
}
