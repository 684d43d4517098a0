import 'server-only';
import type { BrowserStripeConfig } from '@/lib/checkout/browser-config';
import { env } from '@/lib/env';
import { isSeedProfile } from '@/lib/stripe/client';

/** The seed page's client-side beta flag, paired with its preview API version. */
const SEED_BETAS = ['custom_checkout_server_updates_1'];

export function browserStripeConfig(): BrowserStripeConfig {
  const { stripe, apiVersion } = env();
  return {
    publishableKey: stripe.publishableKey,
    localStripeJsUrl: stripe.kind === 'local' ? `${stripe.emulatorUrl}/v3/stripe.js` : null,
    betas: isSeedProfile(apiVersion) ? SEED_BETAS : [],
  };
}
