import type { CheckoutSnapshot } from '@/lib/checkout/types';
import { PaidCheckoutError, SessionStateError } from '@/lib/errors';

/**
 * Stripe updates only open, unexpired sessions. Checking first gives the buyer a clear answer and saves
 * a doomed update call. `now` is Unix seconds.
 */
export function assertUpdatable(
  session: Pick<CheckoutSnapshot, 'id' | 'status' | 'expiresAt' | 'mode'>,
  now: number,
  mode?: CheckoutSnapshot['mode'],
): void {
  if (session.status === 'complete') throw new PaidCheckoutError(`Session ${session.id} is complete`);
  if (session.status !== 'open' || session.expiresAt <= now) {
    throw new SessionStateError(
      `Session ${session.id} is ${session.status === 'open' ? 'past its expiry' : session.status}`,
    );
  }
  if (mode && session.mode !== mode) {
    throw new SessionStateError(
      `Session ${session.id} is in ${session.mode} mode, this action needs ${mode}`,
      "This change isn't available for this checkout.",
    );
  }
}
