// `npm run stripe:emulator`: starts the local Stripe and loads it with the catalog, through the same
// SDK calls `npm run stripe:seed` makes against a real account.
import { createLocalStripe, describeLatency, latencyFromEnv, parseLatency } from '../emulator';
import { LOCAL_PUBLISHABLE_KEY } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';
import type { LocalStripeMessage } from './start-local-stripe';

// LOCAL_STRIPE_WEBHOOK_URL: the storefront's webhook route, registered as an endpoint (npm run dev sets it).
// STRIPE_EMULATOR_LATENCY_MS (`150` or `150-400`, seeded by STRIPE_EMULATOR_LATENCY_SEED): Stripe's feel.
// STRIPE_EMULATOR_PORT_MAY_MOVE=1: a taken port is not an error; listen where the kernel says is free
// (npm run dev sets it when the user did not choose the port, and learns the URL from our IPC message).
const port = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
const mayMove = process.env.STRIPE_EMULATOR_PORT_MAY_MOVE === '1';
const webhookUrl = process.env.LOCAL_STRIPE_WEBHOOK_URL;
const latency = (() => {
  try {
    return latencyFromEnv();
  } catch (error) {
    console.error(`Local Stripe: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
})();
const localStripe = createLocalStripe({ webhookSecret: process.env.STRIPE_EMULATOR_WEBHOOK_SECRET, ...latency });
const server = await localStripe.listen(port).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  if (mayMove) return localStripe.listen(0);
  // One line, no stack: who started us names the variable that moves the port.
  const taken: LocalStripeMessage = { type: 'local-stripe-port-taken', port };
  if (process.send) process.send(taken, () => process.exit(1));
  else {
    console.error(`Port ${port} is taken: stop whatever listens there, or set STRIPE_EMULATOR_PORT to a free port.`);
    process.exit(1);
  }
  return new Promise<never>(() => {}); // exiting
});
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
console.log(`Latency of /v1 answers: ${describeLatency(parseLatency(latency.latencyMs))} (STRIPE_EMULATOR_LATENCY_MS)`);
console.log(`Dashboard: ${server.url}/`);
// `npm run dev` waits for this word from its own child, never for whatever answers on the port.
const ready: LocalStripeMessage = { type: 'local-stripe-ready', url: server.url };
process.send?.(ready);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
