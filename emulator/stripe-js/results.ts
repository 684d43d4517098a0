import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { StripeApiError } from '../core/errors';

export type Success = { type: 'success'; session: StripeCheckoutSession };
export type BuyerError = { type: 'error'; error: { message: string; code: null } };

export const NOT_SUPPORTED = (name: string) => `${name} is not supported by the local Stripe.js`;

export function buyerError(message: string): BuyerError {
  return { type: 'error', error: { message, code: null } };
}

export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'Something went wrong.';
}

export function isApiError(error: unknown): error is StripeApiError {
  return error instanceof StripeApiError;
}
