import 'server-only';
import { env } from '@/lib/env';

/**
 * The client's address, for limits. Only a proxy we trust says it: Vercel (and a proxy the deployment names with
 * TRUST_PROXY=1) sets X-Forwarded-For, its own entry last. `next start` on its own passes on whatever
 * X-Forwarded-For the client sent (it only fills in the socket's address when the header is absent), so there
 * the header proves nothing: every client counts as one, `direct`, and a client rotating the header is still
 * limited. Put a proxy in front (and set TRUST_PROXY) for a limit per client.
 */
export function clientAddress(request: Request): string {
  if (!env().trustProxy) return 'direct';
  const forwarded = request.headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1)?.slice(0, 64) ?? request.headers.get('x-real-ip')?.slice(0, 64) ?? 'unknown';
}
