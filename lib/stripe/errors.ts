import 'server-only';
import Stripe from 'stripe';
import { AppError, ConflictError, InvalidRequestError, UpstreamError } from '@/lib/errors';

/** A request Stripe refused (4xx), with what Stripe said was wrong, for the rules that look closer. */
export class StripeRefusedError extends InvalidRequestError {
  constructor(
    message: string,
    readonly stripeCode: string | undefined,
    readonly param: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Maps an error from a Stripe call to the app's errors. Stripe's 4xx (a request Stripe refused) is the
 * buyer's bad request, as in Stripe's own sample; Stripe being down or slow is ours (5xx). Anything that is
 * not a Stripe error is returned unchanged. A timeout, a dropped connection or a 409 leaves the outcome
 * unknown (the write may have landed): those are marked so an action can read the session back.
 */
export function fromStripeError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const detail = `Stripe ${error.type} (${error.statusCode ?? 'no status'}, ${error.code ?? 'no code'}, request ${error.requestId ?? '-'}): ${error.message}`;
  if (error.statusCode === 409) return new UpstreamError(detail, 502, { outcomeUnknown: true });
  if (error instanceof Stripe.errors.StripeIdempotencyError) return new ConflictError(detail);
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    return new StripeRefusedError(detail, error.code, error.param);
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) return new UpstreamError(detail, 503);
  if (error instanceof Stripe.errors.StripeConnectionError)
    return new UpstreamError(detail, 502, { outcomeUnknown: true });
  if (error instanceof Stripe.errors.StripeAPIError) return new UpstreamError(detail, 502);
  // Authentication and permission errors are our configuration's fault, not the buyer's.
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
