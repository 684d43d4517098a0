import type { StripeConstructorOptions } from '@stripe/stripe-js';
import { createStripe, STRIPE_JS_VERSION } from '../stripe-instance';
import { fetchTransport } from '../transport';
import { domElements } from './dom-elements';

// The bundle served as /v3/stripe.js. It learns the local Stripe's origin from its own <script src>,
// so the same file works on whatever port the local Stripe listens on.
const script = document.currentScript as HTMLScriptElement | null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

function Stripe(publishableKey: unknown, options?: StripeConstructorOptions) {
  const locale = options?.locale && options.locale !== 'auto' ? options.locale : navigator.language || 'en-US';
  return createStripe(publishableKey, options, {
    transport: (clientSecret) => fetchTransport(origin, String(publishableKey), clientSecret),
    elements: domElements(origin),
    navigate: (url) => window.location.assign(url),
    locale,
  });
}
// loadStripe from @stripe/stripe-js compares this with the release train it expects.
Stripe.version = STRIPE_JS_VERSION;

(window as unknown as { Stripe: typeof Stripe }).Stripe = Stripe;
