import 'server-only';
import Stripe from 'stripe';
import { env, type StripeMode } from '@/lib/env';

export { Stripe };

export function isSeedProfile(apiVersion: string | undefined): boolean {
  return apiVersion?.includes('checkout_server_update_beta') ?? false;
}

/** Retries on connection errors, 409 and 5xx (with idempotency keys, so a retried write applies once). */
export const MAX_NETWORK_RETRIES = 1;

/**
 * Builds a Stripe client for real Stripe or the local Stripe; nothing else in the app knows which.
 * The SDK has no base-URL option, so the local Stripe is reached through host, port and protocol.
 */
export function createStripeClient(mode: StripeMode, apiVersion?: string): Stripe {
  const local = mode.kind === 'local' ? new URL(mode.emulatorUrl) : undefined;
  return new Stripe(mode.secretKey, {
    // The SDK's type admits only the version it pins; the seed profile's preview version
    // ("2025-03-31.basil; checkout_server_update_beta=v1;") is a string Stripe accepts, so it is cast here, once.
    apiVersion: apiVersion as Stripe.LatestApiVersion | undefined,
    // A buyer's update runs inside Stripe.js's runServerUpdate, which gives up after 20 s and keeps the old
    // session. Two calls, each at most 4 s and one retry (~8.5 s), finish inside that, so an update can't
    // land on Stripe after the browser has reported it failed.
    maxNetworkRetries: MAX_NETWORK_RETRIES,
    timeout: 4_000,
    telemetry: false,
    appInfo: { name: 'stripe-dynamic-checkout-storefront', version: '0.1.0' },
    ...(local && {
      host: local.hostname,
      port: Number(local.port || (local.protocol === 'https:' ? 443 : 80)),
      protocol: local.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}

let client: Stripe | undefined;

/** The app's one Stripe client, built from the environment on first use. */
export function stripe(): Stripe {
  const { stripe: mode, apiVersion } = env();
  client ??= createStripeClient(mode, apiVersion);
  return client;
}
