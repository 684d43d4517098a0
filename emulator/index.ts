// The local Stripe: a stateful emulator of the part of Stripe's API the storefront uses.
export { createLocalStripe, type LocalStripe, type LocalStripeOptions } from './server';
export type { HttpRequest, HttpResponse } from './http/responses';
export { DEFAULT_API_VERSION } from './core/version';
export { latencyFromEnv, describeLatency, parseLatency } from './http/latency';
