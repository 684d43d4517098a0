'use client';
import { CheckoutElementsProvider } from '@stripe/react-stripe-js/checkout';
import { useMemo, useState } from 'react';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { loadStripeFor } from '@/components/checkout/load-stripe';
import { CheckoutLoadFailed, LoadingCheckout } from '@/components/checkout/loading-checkout';
import { useCheckoutSession } from '@/components/checkout/use-checkout-session';
import type { BrowserStripeConfig } from '@/lib/checkout/browser-config';
import type { CheckoutShop } from '@/lib/checkout/checkout-shop';
import type { CheckoutCart } from '@/lib/checkout/cart-rules';

/** A new checkout for a cart (or the browser's stored cart), or one this browser started and comes back to. */
export type CheckoutSource = { kind: 'cart'; cart: CheckoutCart } | { kind: 'resume'; clientSecret: string };

/**
 * The checkout: the session is created (or resumed), then Stripe.js's provider renders it. Each step that
 * can fail says so with a way to try again; "Try again" keeps the same attempt id, so a session the server
 * did create is found again rather than made twice.
 */
export function CheckoutApp({
  source,
  stripeConfig,
  shop,
}: {
  source: CheckoutSource;
  stripeConfig: BrowserStripeConfig;
  shop: CheckoutShop;
}) {
  // One attempt id per page view: React may run this twice in development, and the server turns the same
  // attempt into the same Stripe idempotency key, so there is still one session.
  const [attemptId] = useState(() => crypto.randomUUID());
  const [tries, setTries] = useState(0);
  const retry = () => setTries((count) => count + 1);
  // Stripe.js loads while the session is created. A new try loads it again: the last one may have failed.
  const stripe = useMemo(() => {
    const loading = loadStripeFor(stripeConfig, { reload: tries > 0 });
    // The provider reports a failure (it mounts once the session is ready); until then, nobody else awaits it.
    loading.catch(() => {});
    return loading;
  }, [stripeConfig, tries]);
  const session = useCheckoutSession(source, attemptId, tries);
  const clientSecret = session.type === 'ready' ? session.clientSecret : null;
  const options = useMemo(() => (clientSecret ? { clientSecret } : null), [clientSecret]);

  if (session.type === 'error') return <CheckoutLoadFailed message={session.message} onRetry={retry} />;
  if (!options) return <LoadingCheckout key={tries} onRetry={retry} />;
  return (
    <CheckoutElementsProvider key={tries} stripe={stripe} options={options}>
      <CheckoutForm onRetry={retry} shop={shop} />
    </CheckoutElementsProvider>
  );
}
