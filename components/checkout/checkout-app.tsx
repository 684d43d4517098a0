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

export function CheckoutApp({ cart, stripeConfig }: { cart: Cart; stripeConfig: BrowserStripeConfig }) {
  // One attempt id per page view: React may run this twice in development, and the server turns the same
  // attempt into the same Stripe idempotency key, so there is still one session.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [stripe] = useState(() => loadStripeFor(stripeConfig));
  // Sessions are created from the browser only: during the server render the provider just shows loading.
  const clientSecret = useMemo(
    () => (typeof window === 'undefined' ? new Promise<string>(() => {}) : createSession(cart, attemptId)),
    [cart, attemptId],
  );
  const options = useMemo(() => ({ clientSecret }), [clientSecret]);

  return (
    <CheckoutElementsProvider stripe={stripe} options={options}>
      <CheckoutForm />
    </CheckoutElementsProvider>
  );
}
