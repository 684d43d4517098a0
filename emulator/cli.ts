// The bare local Stripe, empty, on 127.0.0.1:${STRIPE_EMULATOR_PORT ?? 12111}: `npx tsx emulator/cli.ts`.
// Prints its URL and webhook signing secret; stops cleanly on SIGINT/SIGTERM. The storefront's
// `npm run stripe:emulator` (scripts/local-stripe.ts) does the same and also loads the shop's catalog.
import { describeLatency, latencyFromEnv, parseLatency } from './http/latency';
import { createLocalStripe } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
  const latency = latencyFromEnv();
  const stripe = createLocalStripe({
    webhookSecret: process.env.STRIPE_EMULATOR_WEBHOOK_SECRET || undefined,
    ...latency,
  });
  const server = await stripe.listen(port, '127.0.0.1');
  console.log(`Local Stripe listening on ${server.url}`);
  console.log(`Webhook signing secret: ${stripe.webhookSecret}`);
  console.log(`Latency of /v1 answers: ${describeLatency(parseLatency(latency.latencyMs))}; dashboard: ${server.url}/`);
  const stop = (signal: string) => {
    console.log(`Local Stripe: ${signal}, shutting down.`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Local Stripe failed to start:', error);
  process.exit(1);
});
