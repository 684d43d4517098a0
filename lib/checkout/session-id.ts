import { z } from 'zod';

// A Checkout Session id as the browser may send it. Stripe's ids are well under 255 characters; the cap
// keeps a 16,000-character "id" from ever reaching Stripe (which answers such a URL with a 431).
const SESSION_ID_PATTERN = /^cs_(test|live)_\w{1,240}$/;

export const checkoutSessionIdSchema = z.string().max(255).regex(SESSION_ID_PATTERN, 'not a Checkout Session id');

export const isCheckoutSessionId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 255 && SESSION_ID_PATTERN.test(value);
