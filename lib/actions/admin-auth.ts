import 'server-only';
import { cookies, headers } from 'next/headers';
import { FLASH_COOKIE, type Flash } from '@/lib/admin/flash';
import { ADMIN_COOKIE, passwordMatches, sessionIsValid, signSession } from '@/lib/admin/session-token';
import { database } from '@/lib/db/client';
import { failedLoginsSince, recordLoginAttempt } from '@/lib/db/admin-logins';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http';
import { log } from '@/lib/log';

/** At most this many wrong passwords per client address per window; then every attempt is refused until it passes. */
export const LOGIN_LIMIT = { failures: 5, windowMinutes: 15 };

export type AdminAccess = 'off' | 'signed_out' | 'signed_in';

export class AdminAuthError extends AppError {}

/** Whether the back office is on (ADMIN_PASSWORD set) and this browser is signed in. */
export async function adminAccess(): Promise<AdminAccess> {
  const password = env().adminPassword;
  if (!password) return 'off';
  return sessionIsValid(password, (await cookies()).get(ADMIN_COOKIE)?.value) ? 'signed_in' : 'signed_out';
}

/** Mutations: from the shop's own pages (Origin, as the buyer endpoints check) and signed in, or an error. */
export async function assertAdminRequest(request: Request): Promise<void> {
  assertSameOrigin(request);
  const access = await adminAccess();
  if (access === 'off')
    throw new AdminAuthError('admin_off', 404, 'ADMIN_PASSWORD is not set', 'The back office is off.');
  if (access !== 'signed_in')
    throw new AdminAuthError('admin_signed_out', 401, 'No valid admin session', 'Please sign in to the back office.');
}

/** The client's address as the proxy in front reports it (Vercel, or `next start`, set x-forwarded-for). */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || 'unknown';
}

/** Checks the password (limited per address, every attempt recorded and logged) and returns a session token. */
export async function signIn(password: string, address: string): Promise<string> {
  const expected = env().adminPassword;
  if (!expected) throw new AdminAuthError('admin_off', 404, 'ADMIN_PASSWORD is not set', 'The back office is off.');
  const db = await database();
  const since = new Date(Date.now() - LOGIN_LIMIT.windowMinutes * 60_000);
  if ((await failedLoginsSince(db, address, since)) >= LOGIN_LIMIT.failures) {
    log.warn('admin.login_limited', { address });
    throw new AdminAuthError(
      'admin_login_limited',
      429,
      `Too many failed sign-ins from ${address}`,
      `Too many wrong passwords. Try again in ${LOGIN_LIMIT.windowMinutes} minutes.`,
    );
  }
  const ok = passwordMatches(password, expected);
  await recordLoginAttempt(db, address, ok);
  if (!ok) {
    log.warn('admin.login_failed', { address });
    throw new AdminAuthError(
      'admin_login_failed',
      401,
      `Wrong admin password from ${address}`,
      'That password is not right.',
    );
  }
  log.info('admin.login', { address });
  return signSession(expected);
}

/** The message the last back-office form left for this page (lib/admin/form-route.ts), if any. */
export async function adminFlash(): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Flash>;
    return (value.kind === 'ok' || value.kind === 'error') && typeof value.text === 'string'
      ? { kind: value.kind, text: value.text.slice(0, 500) }
      : null;
  } catch {
    return null;
  }
}
