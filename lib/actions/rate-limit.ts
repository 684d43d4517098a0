import 'server-only';
import { secondsUntilAdmitted } from '@/lib/checkout/creation-limit';
import type { Database } from '@/lib/db/client';
import { admitRequest } from '@/lib/db/rate-limits';
import { env } from '@/lib/env';
import { RateLimitedError } from '@/lib/errors';
import { log } from '@/lib/log';

const WINDOW_MS = 60_000;

/**
 * Counts a checkout creation against the client's address, and refuses it (429, with when to retry) once the
 * address has started CHECKOUT_SESSIONS_PER_MINUTE in the last minute. A browser that keeps its cookie resumes its
 * one checkout and never gets here twice; this is what stops a cookieless loop from taking the shelf. `0` turns it
 * off (test servers).
 */
export async function limitCheckoutCreation(db: Database, clientAddress: string, now = new Date()): Promise<void> {
  const limit = env().checkout.sessionsPerMinute;
  if (limit === 0) return;
  const admission = await admitRequest(db, `checkout-create:${clientAddress}`, { limit, windowMs: WINDOW_MS }, now);
  if (admission.admitted) return;
  const retryAfter = secondsUntilAdmitted(admission.counts, limit, now, WINDOW_MS);
  log.warn('checkout.rate_limited', { client: clientAddress, limit, retryAfter });
  throw new RateLimitedError(`${clientAddress}: ${limit} checkouts started in the last minute`, retryAfter);
}
