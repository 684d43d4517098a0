// `npm run dev`: the whole storefront in one command. With no STRIPE_SECRET_KEY it first starts the local
// Stripe (loaded with the catalog), then `next dev`; with keys it is plain `next dev` against real Stripe.
import './load-env';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { LOCAL_STRIPE_DEFAULT_URL } from '../lib/env-schema';
import { LocalStripeStartError, startLocalStripe } from './start-local-stripe';

const children: ChildProcess[] = [];
/** When one of ours stops, everything stops. */
const track = (child: ChildProcess) => {
  child.on('exit', (code) => shutdown(code ?? 0));
  children.push(child);
};
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  track(spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }));

function shutdown(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.once('SIGINT', () => shutdown(0));
process.once('SIGTERM', () => shutdown(0));

/** The port `next dev` will listen on: `-p`/`--port` as Next reads them, else PORT, else Next's 3000. */
function devPort(args: string[]): string {
  for (const [index, arg] of args.entries()) {
    if (arg === '-p' || arg === '--port') return args[index + 1] ?? '3000';
    if (arg.startsWith('--port=')) return arg.slice('--port='.length);
  }
  return process.env.PORT ?? '3000';
}

const nextArgs = process.argv.slice(2);
const port = devPort(nextArgs);
// PORT tells the app where it runs (lib/env-schema.ts) when it has no APP_URL.
const nextEnv: Record<string, string> = { PORT: port };
if (!process.env.STRIPE_SECRET_KEY) {
  // One signing secret per run, shared by the local Stripe (which signs) and the storefront (which verifies).
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  // The local Stripe inherits this environment, STRIPE_EMULATOR_LATENCY_MS/_SEED (.env.local too) included,
  // and prints its latency and its dashboard's URL.
  const preferred = process.env.STRIPE_EMULATOR_URL || LOCAL_STRIPE_DEFAULT_URL;
  const started = await startLocalStripe({
    url: preferred,
    chosen: Boolean(process.env.STRIPE_EMULATOR_URL),
    env: {
      STRIPE_EMULATOR_WEBHOOK_SECRET: webhookSecret,
      // Webhooks follow the storefront to whichever port it was given.
      LOCAL_STRIPE_WEBHOOK_URL: `${process.env.APP_URL || `http://localhost:${port}`}/api/webhooks/stripe`,
    },
  }).catch((error: unknown) => {
    if (!(error instanceof LocalStripeStartError)) throw error;
    console.error(error.message);
    return shutdown(1);
  });
  track(started.child);
  if (started.url !== preferred.replace(/\/$/, '')) {
    console.log(
      `${new URL(preferred).port} is taken, so the local Stripe listens on ${started.url} (STRIPE_EMULATOR_URL chooses a port).`,
    );
  }
  // next.config.ts computes the CSP from it when it loads, and the app's Stripe client calls it.
  nextEnv.STRIPE_EMULATOR_URL = started.url;
  nextEnv.STRIPE_WEBHOOK_SECRET = webhookSecret;
}
// Node runs both directly (no npx in between), so a signal reaches the processes that do the work.
run(process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...nextArgs], nextEnv);
