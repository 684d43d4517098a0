import 'server-only';
import type { Database } from '@/lib/db/client';
import { countRequest } from '@/lib/db/rate-limits';
import { env } from '@/lib/env';
import { RateLimitedError } from '@/lib/errors';
import { log } from '@/lib/log';

const WINDOW_SECONDS = 60;

/**
 * Counts a checkout creation against the client's address, and refuses it (429, with when to retry) past
 * CHECKOUT_SESSIONS_PER_MINUTE. A browser that keeps its cookie resumes its one checkout and never gets here
 * twice; this is what stops a cookieless loop from taking the shelf. `0` turns it off (test servers).
 */
export async function limitCheckoutCreation(db: Database, clientAddress: string): Promise<void> {
  const limit = env().checkout.sessionsPerMinute;
  if (limit === 0) return;
  const { count, windowEnds } = await countRequest(db, `checkout-create:${clientAddress}`, WINDOW_SECONDS);
  if (count <= limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowEnds.getTime() - Date.now()) / 1000));
  if (count === limit + 1) log.warn('checkout.rate_limited', { client: clientAddress, limit });
  throw new RateLimitedError(`${clientAddress}: ${count} checkouts this minute, limit ${limit}`, retryAfter);
}
