import 'server-only';
import { isBound } from '@/lib/checkout/session-binding';
import { retrieveOpenClientSecret } from '@/lib/stripe/checkout-sessions';

/**
 * Brings a buyer back to a checkout this browser started (from the return page, when the payment is not
 * finished). Another browser's session, or one that is complete or expired, cannot be resumed: null.
 */
export async function resumeCheckout(sessionId: string, binding: string | undefined): Promise<string | null> {
  if (!/^cs_(test|live)_\w+$/.test(sessionId) || !isBound(binding, sessionId)) return null;
  return retrieveOpenClientSecret(sessionId);
}
