import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// The back office's sign-in, without a sessions table: the cookie holds an expiry and an HMAC of it keyed by
// ADMIN_PASSWORD, so changing the password signs every session out, and nothing in the cookie reveals it.

export const ADMIN_COOKIE = 'admin_session';
/** A working day: the owner signs in again the next morning. */
export const SESSION_SECONDS = 12 * 60 * 60;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time: both sides are hashed to 32 bytes first, so neither the length nor a prefix leaks. */
export function passwordMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

const mac = (password: string, expires: number) =>
  createHmac('sha256', password).update(`admin-session/v1:${expires}`).digest('base64url');

export function signSession(password: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expires}.${mac(password, expires)}`;
}

export function sessionIsValid(password: string, token: string | undefined, now = Date.now()): boolean {
  const match = token?.match(/^(\d{1,12})\.([\w-]{43})$/);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return false;
  return timingSafeEqual(Buffer.from(match[2] ?? ''), Buffer.from(mac(password, expires)));
}

/** httpOnly, SameSite=Strict (no other site's page can send it), Secure whenever the shop is served over https. */
export function adminCookie(token: string, origin: string) {
  return {
    name: ADMIN_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: origin.startsWith('https://'),
    path: '/',
    maxAge: SESSION_SECONDS,
  };
}
