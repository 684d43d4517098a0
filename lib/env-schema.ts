// The environment's shape and its cross-field rules, as a pure function of a plain record.
// Kept free of `server-only` so next.config.ts and unit tests can use it; the app reads the
// parsed result through lib/env.ts only.
import { z } from 'zod';

export const LOCAL_STRIPE_DEFAULT_URL = 'http://127.0.0.1:12111';
/** The publishable key the local Stripe accepts; it is not a secret (publishable keys never are). */
export const LOCAL_PUBLISHABLE_KEY = 'pk_test_local_stripe';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const rawEnvSchema = z.object({
  STRIPE_SECRET_KEY: optional(
    z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_'),
  ),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: optional(
    z.string().regex(/^pk_(test|live)_\w+$/, 'must start with pk_test_ or pk_live_'),
  ),
  STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_\w+$/, 'must start with whsec_')),
  STRIPE_API_VERSION: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}\.\w+(;.*)?$/, 'must look like 2026-10-28.endive')),
  STRIPE_EMULATOR_URL: optional(z.url({ protocol: /^https?$/ })),
  APP_URL: optional(z.url({ protocol: /^https?$/ })),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')),
  PGLITE_DATA_DIR: optional(z.string()),
  // Tests only: a migrated data directory image (lib/db/pglite-image.ts) that a memory:// database starts from.
  PGLITE_TEST_IMAGE: optional(z.string()),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(1000)),
  // 0 would mean "wait forever" to node-postgres: a full pool must answer "busy" instead, so at least 1 ms.
  DATABASE_POOL_TIMEOUT_MS: optional(z.coerce.number().int().min(1).max(120_000)),
  VERCEL: optional(z.string()),
  VERCEL_URL: optional(z.string()),
  NODE_ENV: optional(z.string()),
  PORT: optional(z.string().regex(/^\d{1,5}$/, 'must be a port number')),
  CHECKOUT_SESSIONS_PER_MINUTE: optional(z.coerce.number().int().min(0).max(100_000)),
  CHECKOUT_HOLD_MINUTES: optional(
    z.coerce
      .number()
      .int()
      .min(30, "must be at least 30 (Stripe's shortest session)")
      .max(1440, "must be at most 1440 (24 h, Stripe's longest)"),
  ),
  TRUST_PROXY: optional(z.enum(['0', '1', 'true', 'false'])),
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  SCHEDULED_JOBS: optional(z.enum(['on', 'off'])),
  ADMIN_PASSWORD: optional(z.string().min(10, 'must be at least 10 characters (it guards orders and refunds)')),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  EMAIL_FROM: optional(z.string().min(3)),
});

export type StripeMode =
  | { kind: 'live'; secretKey: string; publishableKey: string }
  | { kind: 'local'; secretKey: string; publishableKey: string; emulatorUrl: string };

/**
 * A real Postgres from DATABASE_URL, or the embedded PGlite (a folder, or `memory://` for a throw-away one).
 * A Postgres pool has `poolSize` connections; a request that waits `poolTimeoutMs` for one gets a 503
 * (lib/db/pool.ts). PGlite has one connection and no pool: requests queue inside it. `startFrom` (memory://
 * only, from PGLITE_TEST_IMAGE): a migrated data directory image to begin from instead of PGlite's initdb, which
 * takes ~6 s of CPU; the browser suite starts its servers so. A folder keeps its own data and ignores it.
 */
export type DatabaseMode =
  | { kind: 'postgres'; url: string; poolSize?: number; poolTimeoutMs?: number }
  | { kind: 'pglite'; dataDir: string; startFrom?: string };

export const DEFAULT_POOL_SIZE = 10;
/** Long enough for a burst to drain, short enough that a buyer hears "busy" rather than a spinner. */
export const DEFAULT_POOL_TIMEOUT_MS = 5_000;

/** Where `npm run dev` keeps the embedded database when PGLITE_DATA_DIR is not set (git-ignored). */
export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';

export type Env = {
  stripe: StripeMode;
  webhookSecret: string | undefined;
  /** Undefined means the version the `stripe` SDK pins. */
  apiVersion: string | undefined;
  /**
   * The storefront's public URL (APP_URL, else https://$VERCEL_URL). Undefined only on the local Stripe,
   * where the storefront follows the address it was opened at (lib/app-origin.ts): nothing is at stake there.
   */
  appUrl: string | undefined;
  database: DatabaseMode;
  checkout: {
    /** New Checkout Sessions per client address per minute; 0 turns the limit off. */
    sessionsPerMinute: number;
    /** How long a session (and so its holds) lives: Stripe allows 30 minutes to 24 hours. */
    holdMinutes: number;
  };
  /** A proxy in front sets X-Forwarded-For (Vercel's does): the client address may be read from it. */
  trustProxy: boolean;
  /** The bearer token the scheduled jobs' route (/api/cron/<job>) requires; unset refuses every caller. */
  cronSecret: string | undefined;
  /** The long-running server runs the scheduled jobs on its own timer (never on Vercel, whose Cron calls the route). */
  scheduledJobs: boolean;
  /** The back office's password; undefined turns the back office off (/admin says how to turn it on). */
  adminPassword: string | undefined;
  /** Where the shop's emails go: an SMTP server, or (no SMTP_URL) the outbox table the back office lists. */
  email: { smtpUrl: string | undefined; from: string };
};

export const DEFAULT_EMAIL_FROM = 'Ember & Oak <orders@localhost>';

export class EnvError extends Error {
  readonly code = 'invalid_environment';
}

const keyEnvironment = (key: string) => (key.includes('_live_') ? 'live' : 'test');

/** Parses the environment; throws one EnvError that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawEnvSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  const raw = parsed.success ? parsed.data : undefined;

  if (raw) {
    const { STRIPE_SECRET_KEY: secret, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: publishable } = raw;
    if (raw.VERCEL === '1' && !secret) {
      problems.push('STRIPE_SECRET_KEY is required on Vercel (the local Stripe runs only on your machine)');
    }
    if (secret && !raw.APP_URL && !raw.VERCEL_URL && raw.NODE_ENV === 'production') {
      // Checkout's return URL must not come from a request header an attacker can set.
      problems.push(
        'APP_URL is required in production with real Stripe keys (the address buyers return to after paying)',
      );
    }
    if (raw.VERCEL === '1' && !raw.DATABASE_URL) {
      problems.push('DATABASE_URL is required on Vercel (the embedded PGlite keeps its data on one machine only)');
    }
    if (secret && !publishable) {
      problems.push('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is required when STRIPE_SECRET_KEY is set');
    }
    if (secret && publishable && keyEnvironment(secret) !== keyEnvironment(publishable)) {
      problems.push(
        `STRIPE_SECRET_KEY is a ${keyEnvironment(secret)} key but NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is a ${keyEnvironment(publishable)} key`,
      );
    }
  }
  if (!raw || problems.length > 0) {
    throw new EnvError(`Invalid environment:\n- ${problems.join('\n- ')}`);
  }

  const stripe: StripeMode = raw.STRIPE_SECRET_KEY
    ? { kind: 'live', secretKey: raw.STRIPE_SECRET_KEY, publishableKey: raw.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY! }
    : {
        kind: 'local',
        secretKey: 'sk_test_local_stripe',
        publishableKey: LOCAL_PUBLISHABLE_KEY,
        emulatorUrl: (raw.STRIPE_EMULATOR_URL ?? LOCAL_STRIPE_DEFAULT_URL).replace(/\/$/, ''),
      };
  // `next dev` with real keys and no APP_URL: the port it was given (PORT), on this machine.
  const devUrl = stripe.kind === 'live' ? `http://localhost:${raw.PORT ?? 3000}` : undefined;
  const appUrl = raw.APP_URL ?? (raw.VERCEL_URL ? `https://${raw.VERCEL_URL}` : devUrl);
  return {
    stripe,
    webhookSecret: raw.STRIPE_WEBHOOK_SECRET,
    apiVersion: raw.STRIPE_API_VERSION,
    appUrl: appUrl?.replace(/\/$/, ''),
    database: raw.DATABASE_URL
      ? {
          kind: 'postgres',
          url: raw.DATABASE_URL,
          poolSize: raw.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE,
          poolTimeoutMs: raw.DATABASE_POOL_TIMEOUT_MS ?? DEFAULT_POOL_TIMEOUT_MS,
        }
      : pgliteMode(raw.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DATA_DIR, raw.PGLITE_TEST_IMAGE),
    checkout: {
      sessionsPerMinute: raw.CHECKOUT_SESSIONS_PER_MINUTE ?? 20,
      holdMinutes: raw.CHECKOUT_HOLD_MINUTES ?? 30,
    },
    trustProxy: raw.VERCEL === '1' || raw.TRUST_PROXY === '1' || raw.TRUST_PROXY === 'true',
    cronSecret: raw.CRON_SECRET,
    scheduledJobs: raw.VERCEL !== '1' && raw.SCHEDULED_JOBS !== 'off',
    adminPassword: raw.ADMIN_PASSWORD,
    email: { smtpUrl: raw.SMTP_URL, from: raw.EMAIL_FROM ?? DEFAULT_EMAIL_FROM },
  };
}

function pgliteMode(dataDir: string, image: string | undefined): DatabaseMode {
  return image && dataDir.startsWith('memory://')
    ? { kind: 'pglite', dataDir, startFrom: image }
    : { kind: 'pglite', dataDir };
}
