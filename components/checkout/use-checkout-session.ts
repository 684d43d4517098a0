'use client';
import { useEffect, useState } from 'react';
import type { CheckoutSource } from '@/components/checkout/checkout-app';
import type { CheckoutCart } from '@/lib/checkout/cart-rules';

export const CHECKOUT_LOAD_TIMEOUT_MS = 15_000;
const CREATE_FAILED = 'We could not start your checkout. Please try again.';

export type CheckoutSessionState =
  | { type: 'loading' }
  | { type: 'ready'; clientSecret: string }
  | { type: 'error'; message: string };

/** Our endpoint's own refusal, whose message is for the buyer (e.g. what is out of stock). */
class CheckoutStartError extends Error {}

async function createSession(cart: CheckoutCart, attemptId: string): Promise<string> {
  const response = await fetch('/api/checkout/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ cart, attemptId }),
    signal: AbortSignal.timeout(CHECKOUT_LOAD_TIMEOUT_MS),
  });
  const payload = (await response.json().catch(() => null)) as { clientSecret?: unknown; message?: unknown } | null;
  if (!response.ok || typeof payload?.clientSecret !== 'string') {
    throw new CheckoutStartError(typeof payload?.message === 'string' ? payload.message : CREATE_FAILED);
  }
  return payload.clientSecret;
}

/**
 * The session's client secret: the resumed one, or one created from the browser (never during the server
 * render). A failure, a timeout included, becomes a message; each new `tries` value asks again.
 */
export function useCheckoutSession(source: CheckoutSource, attemptId: string, tries: number): CheckoutSessionState {
  // Each answer remembers the try it belongs to: a new try reads as loading until its own answer arrives.
  const [settled, setSettled] = useState<{ tries: number; state: CheckoutSessionState } | null>(null);
  useEffect(() => {
    if (source.kind === 'resume') return;
    let current = true;
    const settle = (state: CheckoutSessionState) => current && setSettled({ tries, state });
    createSession(source.cart, attemptId).then(
      (clientSecret) => settle({ type: 'ready', clientSecret }),
      // A network failure or the timeout has no message for a buyer; our endpoint's refusal has.
      (error: unknown) => settle({ type: 'error', message: error instanceof CheckoutStartError ? error.message : CREATE_FAILED }),
    );
    return () => {
      current = false;
    };
  }, [source, attemptId, tries]);
  if (source.kind === 'resume') return { type: 'ready', clientSecret: source.clientSecret };
  return settled?.tries === tries ? settled.state : { type: 'loading' };
}
