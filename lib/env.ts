import 'server-only';
import { parseEnv, type Env } from '@/lib/env-schema';

export type { Env, StripeMode } from '@/lib/env-schema';

let cached: Env | undefined;

/** The parsed environment, read once per process. instrumentation.ts calls it at start so a bad value fails early. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
