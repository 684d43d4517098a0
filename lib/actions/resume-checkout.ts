import 'server-only';
import { isBound } from '@/lib/checkout/session-binding';
import { isCheckoutSessionId } from '@/lib/checkout/session-id';
import { InvalidRequestError } from '@/lib/errors';
import { retrieveClientSecret } from '@/lib/stripe/checkout-sessions';

/**
 * Brings a buyer back to a checkout this browser started (from the return page, when the payment is not
 * finished). Another browser's session, or one that is complete or expired, cannot be resumed: null.
 */
export async function resumeCheckout(sessionId: string, browserToken: string | undefined): Promise<string | null> {
  if (!isCheckoutSessionId(sessionId) || !browserToken) return null;
  const { clientSecret, bindingTag } = await retrieveClientSecret(sessionId).catch((error: unknown) => {
    if (error instanceof InvalidRequestError) return { clientSecret: null, bindingTag: null }; // no such session
    throw error;
  });
  return isBound(browserToken, bindingTag) ? clientSecret : null;
}
