'use client';
import { CheckoutElementsProvider } from '@stripe/react-stripe-js/checkout';
import { useMemo, useState } from 'react';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { loadStripeFor } from '@/components/checkout/load-stripe';
import type { BrowserStripeConfig } from '@/lib/checkout/browser-config';
import type { Cart } from '@/lib/checkout/cart';

async function createSession(cart: Cart, attemptId: string): Promise<string> {
  const response = await fetch('/api/checkout/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ cart, attemptId }),
  });
  const payload = (await response.json().catch(() => null)) as { clientSecret?: string; message?: string } | null;
  if (!response.ok || !payload?.clientSecret) {
    throw new Error(payload?.message ?? 'We could not start your checkout. Please try again.');
  }
  return payload.clientSecret;
}

/** A new checkout for a cart, or one this browser started and comes back to. */
export type CheckoutSource = { kind: 'cart'; cart: Cart } | { kind: 'resume'; clientSecret: string };

export function CheckoutApp({ source, stripeConfig }: { source: CheckoutSource; stripeConfig: BrowserStripeConfig }) {
  // One attempt id per page view: React may run this twice in development, and the server turns the same
  // attempt into the same Stripe idempotency key, so there is still one session.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [stripe] = useState(() => loadStripeFor(stripeConfig));
  // Sessions are created from the browser only: during the server render the provider just shows loading.
  const clientSecret = useMemo(() => {
    if (source.kind === 'resume') return source.clientSecret;
    return typeof window === 'undefined' ? new Promise<string>(() => {}) : createSession(source.cart, attemptId);
  }, [source, attemptId]);
  const options = useMemo(() => ({ clientSecret }), [clientSecret]);

  return (
    <CheckoutElementsProvider stripe={stripe} options={options}>
      <CheckoutForm />
    </CheckoutElementsProvider>
  );
}
