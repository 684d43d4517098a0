// `npm run stripe:emulator`: starts the local Stripe and loads it with the catalog, through the same
// SDK calls `npm run stripe:seed` makes against a real account.
import { createLocalStripe } from '../emulator';
import { LOCAL_PUBLISHABLE_KEY } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';

// LOCAL_STRIPE_WEBHOOK_URL: the storefront's webhook route, registered as an endpoint (npm run dev sets it).
const port = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
const webhookUrl = process.env.LOCAL_STRIPE_WEBHOOK_URL;
const localStripe = createLocalStripe({ webhookSecret: process.env.STRIPE_EMULATOR_WEBHOOK_SECRET });
const server = await localStripe.listen(port);
const stripe = createStripeClient({
  kind: 'local',
  secretKey: 'sk_test_local_stripe',
  publishableKey: LOCAL_PUBLISHABLE_KEY,
  emulatorUrl: server.url,
});
await syncCatalog(stripe);
if (webhookUrl) {
  await stripe.webhookEndpoints.create({
    url: webhookUrl,
    // The events the webhook route acts on: fulfil (completed, async_payment_succeeded), release holds (failed,
    // expired), and book refunds, the Dashboard's too (charge.refunded, refund.*).
    enabled_events: [
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.async_payment_failed',
      'checkout.session.expired',
      'charge.refunded',
      'refund.created',
      'refund.updated',
    ],
  });
}
console.log(`Local Stripe on ${server.url} (catalog loaded${webhookUrl ? `, webhooks to ${webhookUrl}` : ''})`);
console.log(`Webhook signing secret: ${localStripe.webhookSecret}`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
