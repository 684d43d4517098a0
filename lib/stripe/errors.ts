import 'server-only';
import Stripe from 'stripe';
import { AppError, InvalidRequestError, UpstreamError } from '@/lib/errors';

/**
 * Maps an error from a Stripe call to the app's errors. Stripe's 4xx (a request Stripe refused) is the
 * buyer's bad request, as in Stripe's own sample; Stripe being down or slow is ours (5xx). Anything that is
 * not a Stripe error is returned unchanged.
 */
export function fromStripeError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const detail = `Stripe ${error.type} (${error.statusCode ?? 'no status'}, ${error.code ?? 'no code'}, request ${error.requestId ?? '-'}): ${error.message}`;
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    return new InvalidRequestError(detail);
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) return new UpstreamError(detail, 503);
  if (error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeConnectionError) {
    return new UpstreamError(detail, 502);
  }
  // Authentication, permission and idempotency errors are our configuration's fault, not the buyer's.
  return new AppError('stripe_configuration', 500, detail);
}

/** Runs a Stripe call and rethrows its failure as an app error. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromStripeError(error);
  }
}
