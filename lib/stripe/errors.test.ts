import assert from 'node:assert/strict';
import { test } from 'node:test';
import Stripe from 'stripe';
import { AppError, ConflictError, InvalidRequestError, UpstreamError } from '@/lib/errors';
import { fromStripeError } from '@/lib/stripe/errors';

const raw = (type: string, statusCode: number) => ({
  type,
  message: 'detail from Stripe',
  statusCode,
  requestId: 'req_1',
});

test('a request Stripe refused is the buyer’s 400, with Stripe’s detail kept for the log', () => {
  const error = fromStripeError(Stripe.errors.StripeError.generate(raw('invalid_request_error', 400) as never));
  assert.ok(error instanceof InvalidRequestError);
  assert.equal(error.status, 400);
  assert.match(error.message, /detail from Stripe/);
  assert.doesNotMatch(error.publicMessage, /detail from Stripe/);
});

test('Stripe failing or unreachable is a 5xx with a generic message', () => {
  const apiError = fromStripeError(Stripe.errors.StripeError.generate(raw('api_error', 500) as never));
  assert.ok(apiError instanceof UpstreamError);
  assert.equal(apiError.status, 502);
  const limited = fromStripeError(new Stripe.errors.StripeRateLimitError(raw('rate_limit_error', 429) as never));
  assert.ok(limited instanceof UpstreamError);
  assert.equal(limited.status, 503);
  const unreachable = fromStripeError(new Stripe.errors.StripeConnectionError({ message: 'ECONNREFUSED' } as never));
  assert.ok(unreachable instanceof UpstreamError);
  assert.equal(unreachable.outcomeUnknown, true, 'a timeout or a dropped connection may have landed');
  assert.equal(apiError.outcomeUnknown, false);
  const inFlight = fromStripeError(Stripe.errors.StripeError.generate(raw('idempotency_error', 409) as never));
  assert.ok(inFlight instanceof UpstreamError && inFlight.outcomeUnknown);
});

test('an idempotency key reused with other parameters is a 409 conflict, not our 500', () => {
  const error = fromStripeError(Stripe.errors.StripeError.generate(raw('idempotency_error', 400) as never));
  assert.ok(error instanceof ConflictError);
  assert.equal(error.status, 409);
});

test('a bad key is our configuration, not the buyer: 500', () => {
  const error = fromStripeError(new Stripe.errors.StripeAuthenticationError(raw('authentication_error', 401) as never));
  assert.ok(error instanceof AppError);
  assert.equal(error.status, 500);
});

test('anything else passes through unchanged', () => {
  const plain = new TypeError('bug');
  assert.equal(fromStripeError(plain), plain);
});
