import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// Binds a Checkout Session to the browser that started it: an httpOnly cookie holding the session id and an
// HMAC of it. The HMAC key is derived from the Stripe secret key, so a fork needs no extra secret, and
// rotating the Stripe key ends every binding (buyers then start a new checkout).
export const BINDING_COOKIE = 'checkout_session';
const MAX_AGE_SECONDS = 24 * 60 * 60; // a Checkout Session lives at most 24 hours

function signature(sessionId: string): string {
  const key = createHmac('sha256', env().stripe.secretKey).update('checkout-session-binding/v1').digest();
  return createHmac('sha256', key).update(sessionId).digest('base64url');
}

export function bindingCookie(sessionId: string) {
  return {
    name: BINDING_COOKIE,
    value: `${sessionId}.${signature(sessionId)}`,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: env().appUrl.startsWith('https://'),
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  };
}

/** True when the cookie's value is a valid binding to exactly this session id. */
export function isBound(cookieValue: string | undefined, sessionId: string): boolean {
  if (!cookieValue) return false;
  const dot = cookieValue.lastIndexOf('.');
  if (dot < 0 || cookieValue.slice(0, dot) !== sessionId) return false;
  const given = Buffer.from(cookieValue.slice(dot + 1));
  const expected = Buffer.from(signature(sessionId));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
