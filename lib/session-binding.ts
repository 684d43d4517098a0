import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

// Binds Checkout Sessions to the browser that started them, any number at once (one per tab): the browser
// holds a random token in an httpOnly cookie, and each session it creates carries in its Stripe metadata a
// tag derived from that token (an HMAC keyed from the Stripe secret key, so the metadata alone does not give
// the token away). An action checks the tag on the session it retrieves anyway against the caller's cookie,
// so the check costs no Stripe call.
export const BROWSER_COOKIE = 'storefront_browser';
const TOKEN_PATTERN = /^[\w-]{43}$/; // 32 random bytes, base64url
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** The token this request's cookie holds (unchecked: `isBound` and `browserToken` check its shape), for pages and routes. */
export async function browserTokenFromCookies(): Promise<string | undefined> {
  return (await cookies()).get(BROWSER_COOKIE)?.value;
}

const hmacKey = (purpose: string) => createHmac('sha256', env().stripe.secretKey).update(purpose).digest();

/**
 * The browser's token: the one its cookie holds, or a new one derived from the checkout attempt that
 * first needs it (a random id per page view). Deriving it, rather than drawing it, keeps a double click
 * from a cookieless browser one request for Stripe: both clicks get the same token, the same session
 * parameters, and so the same idempotent answer.
 */
export function browserToken(existing: string | undefined, attemptId: string): string {
  if (existing && TOKEN_PATTERN.test(existing)) return existing;
  return createHmac('sha256', hmacKey('browser-token/v1')).update(attemptId).digest('base64url');
}

/** The cookie that holds the token; `Secure` whenever the storefront is served over https. */
export function browserCookie(token: string, origin: string) {
  return {
    name: BROWSER_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: origin.startsWith('https://'),
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  };
}

export function bindingTag(token: string): string {
  return createHmac('sha256', hmacKey('checkout-session-binding/v2')).update(token).digest('base64url');
}

/** True when the cookie's token is the one that created a session carrying `tag`. */
export function isBound(token: string | undefined, tag: string | null): boolean {
  if (!token || !tag || !TOKEN_PATTERN.test(token)) return false;
  const given = Buffer.from(bindingTag(token));
  const expected = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
