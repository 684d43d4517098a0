import type { Stripe, StripeCheckoutElementsSdkOptions, StripeConstructorOptions } from '@stripe/stripe-js';
import { createCheckoutSdk, type SdkDeps } from './checkout-sdk';
import { NOT_SUPPORTED } from './results';

// @stripe/stripe-js 10 expects the "endive" release train and warns on any other version.
export const STRIPE_JS_VERSION = 'endive';

// Stripe.js methods outside the Checkout Elements SDK. They exist so an integration calling one
// learns it is unsupported instead of hitting "is not a function".
const ASYNC_UNSUPPORTED = [
  'confirmPayment',
  'confirmSetup',
  'confirmCardPayment',
  'confirmCardSetup',
  'createPaymentMethod',
  'createToken',
  'createConfirmationToken',
  'createRadarSession',
  'createEmbeddedCheckoutPage',
  'createEphemeralKeyNonce',
  'handleCardAction',
  'handleNextAction',
  'retrievePaymentIntent',
  'retrieveSetupIntent',
  'verifyIdentity',
  'collectBankAccountForPayment',
  'collectBankAccountForSetup',
  'collectBankAccountToken',
  'collectFinancialConnectionsAccounts',
  'initCheckoutFormSdk',
  'initializePricing',
  'processOrder',
  'retrieveOrder',
  'verifyMicrodepositsForPayment',
  'verifyMicrodepositsForSetup',
] as const;
const SYNC_UNSUPPORTED = ['elements', 'paymentRequest'] as const;

export type StripeDeps = Omit<SdkDeps, 'publishableKey'>;

export function assertPublishableKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new Error(`Please call Stripe() with your publishable key. You used ${JSON.stringify(key ?? '')}.`);
  }
  if (/^(sk|rk)_/.test(key)) {
    throw new Error('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
  }
  if (!/^pk_(test|live)_\w+$/.test(key)) throw new Error(`Invalid API Key provided: ${key}`);
}

// What `window.Stripe(publishableKey, options)` returns.
export function createStripe(publishableKey: unknown, options: StripeConstructorOptions | undefined, deps: StripeDeps) {
  assertPublishableKey(publishableKey);
  // `betas` (e.g. custom_checkout_server_updates_1 in the seed profile) and `apiVersion` are accepted;
  // the local Stripe serves one behaviour per session, decided by the server that created it.
  void options;
  const known = {
    initCheckoutElementsSdk: (sdkOptions: StripeCheckoutElementsSdkOptions) =>
      createCheckoutSdk(sdkOptions, { ...deps, publishableKey }),
    registerAppInfo: () => {},
  } satisfies Pick<Stripe, 'initCheckoutElementsSdk' | 'registerAppInfo'>;
  const stripe: Record<string, unknown> = { ...known, _registerWrapper: () => {} };
  for (const name of ASYNC_UNSUPPORTED) {
    stripe[name] = async () => ({
      type: 'error',
      error: { type: 'invalid_request_error', message: NOT_SUPPORTED(name) },
    });
  }
  for (const name of SYNC_UNSUPPORTED) {
    stripe[name] = () => {
      throw new Error(NOT_SUPPORTED(name));
    };
  }
  return stripe as typeof known & Record<string, unknown>;
}
