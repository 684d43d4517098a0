// `npm run stripe:seed`: pushes the catalog (lib/catalog.ts) to the Stripe account of STRIPE_SECRET_KEY,
// or to the local Stripe when no key is set. Safe to run again: it creates only what is missing.
import './load-env';
import { parseEnv } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';

const env = parseEnv(process.env);
const target = env.stripe.kind === 'live' ? 'your Stripe account' : `the local Stripe at ${env.stripe.emulatorUrl}`;
try {
  const report = await syncCatalog(createStripeClient(env.stripe, env.apiVersion));
  console.log(
    `Seeded ${target}: created ${report.created.length} (${report.created.join(', ') || 'nothing'}), kept ${report.kept.length}.`,
  );
} catch (error) {
  console.error(`Could not seed ${target}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
