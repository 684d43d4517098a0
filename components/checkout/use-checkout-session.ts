'use client';
import { useEffect, useState } from 'react';
import { callBuyerEndpoint } from '@/components/buyer-api';
import type { CheckoutSource } from '@/components/checkout/checkout-app';
import type { CheckoutCart } from '@/lib/checkout/cart-rules';

const CREATE_FAILED = 'We could not start your checkout. Please try again.';

export type CheckoutSessionState =
  { type: 'loading' } | { type: 'ready'; clientSecret: string } | { type: 'error'; message: string };

/** Opens the checkout (lib/buyer-api.ts `openCheckout`): its client secret, or the buyer's message. */
async function createSession(cart: CheckoutCart, attemptId: string): Promise<CheckoutSessionState> {
  const result = await callBuyerEndpoint('openCheckout', { cart, attemptId });
  // A network failure or the timeout has no message for a buyer; our endpoint's refusal (e.g. what is sold out) has.
  return result.ok
    ? { type: 'ready', clientSecret: result.answer.clientSecret }
    : { type: 'error', message: result.message ?? CREATE_FAILED };
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
    void createSession(source.cart, attemptId).then(settle);
    return () => {
      current = false;
    };
  }, [source, attemptId, tries]);
  if (source.kind === 'resume') return { type: 'ready', clientSecret: source.clientSecret };
  return settled?.tries === tries ? settled.state : { type: 'loading' };
}
