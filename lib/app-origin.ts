import 'server-only';
import { env } from '@/lib/env';

/**
 * The origin the storefront is served at, for Checkout's return URL and the cookie's `Secure` flag.
 * With real Stripe it is configuration (APP_URL, or Vercel's URL), never a request header an attacker
 * can set. On the local Stripe it follows the address the buyer opened (127.0.0.1 or localhost, any
 * port), unless APP_URL says otherwise. That address is the Host header: Next builds `request.url` from
 * the host it listens on, not the one the browser asked for.
 */
export function appOrigin(request: Request): string {
  const configured = env().appUrl;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get('host');
  if (!host) return url.origin;
  return URL.parse(`${url.protocol}//${host}`)?.origin ?? url.origin;
}
