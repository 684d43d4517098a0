import 'server-only';
import { assertUpdatable } from '@/lib/checkout/guards';
import { isBound } from '@/lib/session-binding';
import type { CheckoutSnapshot } from '@/lib/checkout/types';
import { SessionNotBoundError } from '@/lib/errors';
import { retrieveCheckout } from '@/lib/stripe/checkout-sessions';

/**
 * The one preamble of every buyer action: the session with its line items, in one Stripe call, checked to
 * be this browser's, open, unexpired and of the mode the action needs. Nothing is changed before it passes.
 */
export async function loadBoundCheckout(input: {
  sessionId: string;
  browserToken: string | undefined;
  mode: CheckoutSnapshot['mode'];
}): Promise<CheckoutSnapshot> {
  const session = await retrieveCheckout(input.sessionId);
  if (!isBound(input.browserToken, session.bindingTag)) {
    throw new SessionNotBoundError(`Session ${input.sessionId} is not bound to this browser`);
  }
  assertUpdatable(session, Math.floor(Date.now() / 1000), input.mode);
  return session;
}
