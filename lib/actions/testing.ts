// The storefront's actions against a real local Stripe (in this process, on a free port) and a fresh database per
// engine, for tests that drive whole checkouts and read the state back (never imported by the app).
// Import this module before any app module reads the environment: it sets the environment the app reads once.
import Stripe from 'stripe';
import { startLocalStripe, type Harness } from '../../emulator/test-helpers';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';

const WEBHOOK_SECRET = 'whsec_test_storefront_actions'; // not a secret: the test's own local Stripe signs with it
process.env.STRIPE_SECRET_KEY = '';
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
process.env.CHECKOUT_SESSIONS_PER_MINUTE ??= '0';
process.env.SCHEDULED_JOBS = 'off';

export const ORIGIN = 'http://127.0.0.1:3999';
export const US_ADDRESS: ShippingDetails = {
  name: 'Ada Buyer',
  address: { line1: '1 Main St', line2: null, city: 'Albany', state: 'NY', postalCode: '12207', country: 'US' },
};

/** A browser token of the right shape (lib/session-binding.ts): one per simulated browser. */
export const tokenFor = (name: string) => `${name}-`.padEnd(43, 'x').slice(0, 43);

export type StorefrontHarness = {
  h: Harness;
  /** Delivers an event to the webhook route as Stripe would: its JSON, signed. Returns the status. */
  deliver(event: unknown): Promise<number>;
  /** Pays an open session as the buyer's browser would (Stripe.js's confirm), with a card that succeeds. */
  pay(session: { id: string; clientSecret: string }): Promise<void>;
  /** The newest event of a type about a session, as the local Stripe emitted it. */
  eventFor(type: string, sessionId: string): Promise<Stripe.Event>;
};

/** Starts the local Stripe, loads the catalog into it, and points the app at it (once per test process). */
export async function startStorefront(): Promise<StorefrontHarness> {
  const h = await startLocalStripe({ webhookSecret: WEBHOOK_SECRET });
  process.env.STRIPE_EMULATOR_URL = h.url;
  const { createStripeClient } = await import('@/lib/stripe/client');
  const { syncCatalog } = await import('@/lib/stripe/seed');
  const { POST: webhook } = await import('@/app/api/webhooks/stripe/route');
  await syncCatalog(
    createStripeClient({
      kind: 'local',
      secretKey: 'sk_test_local',
      publishableKey: 'pk_test_local',
      emulatorUrl: h.url,
    }),
  );
  return {
    h,
    async deliver(event) {
      const payload = JSON.stringify(event);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      const response = await webhook(
        new Request('http://app/api/webhooks/stripe', {
          method: 'POST',
          body: payload,
          headers: { 'stripe-signature': signature },
        }),
      );
      return response.status;
    },
    async pay(session) {
      const paid = await h.client('POST', `/v1/payment_pages/${session.id}/confirm`, {
        client_secret: session.clientSecret,
        email: 'buyer@example.com',
        'payment_method_data[card][number]': '4242424242424242',
        'payment_method_data[card][exp_month]': '12',
        'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 3),
        'payment_method_data[card][cvc]': '123',
      });
      if (paid.status !== 200) throw new Error(`confirm answered ${paid.status}: ${JSON.stringify(paid.body)}`);
    },
    async eventFor(type, sessionId) {
      const events = await h.stripe.events.list({ type, limit: 100 });
      const event = events.data.find((candidate) => (candidate.data.object as { id: string }).id === sessionId);
      if (!event) throw new Error(`No ${type} event for ${sessionId}`);
      return event;
    },
  };
}
