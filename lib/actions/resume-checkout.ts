import 'server-only';
import { isBound } from '@/lib/session-binding';
import { isCheckoutSessionId } from '@/lib/checkout/session-id';
import { InvalidRequestError } from '@/lib/errors';
import { retrieveClientSecret } from '@/lib/stripe/checkout-sessions';

/** A checkout as this browser may see it: open (with what Stripe.js needs), paid, or gone (ended, not found, not ours). */
export type CheckoutState = { status: 'open'; clientSecret: string } | { status: 'complete' } | { status: 'gone' };

/**
 * A checkout this browser started, as it stands at Stripe: to resume it (from the return page, when the payment
 * is not finished), or to tell a second tab it has been paid. Another browser's session is `gone`, never a hint.
 */
export async function checkoutState(sessionId: string, browserToken: string | undefined): Promise<CheckoutState> {
  if (!isCheckoutSessionId(sessionId) || !browserToken) return { status: 'gone' };
  const session = await retrieveClientSecret(sessionId).catch((error: unknown) => {
    if (error instanceof InvalidRequestError) return null; // no such session
    throw error;
  });
  if (!session || !isBound(browserToken, session.bindingTag)) return { status: 'gone' };
  if (session.status === 'complete') return { status: 'complete' };
  return session.clientSecret ? { status: 'open', clientSecret: session.clientSecret } : { status: 'gone' };
}
