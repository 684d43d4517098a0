// Who is calling: one emulated account, any `sk_test_…` key opens its secret API (a choice: the local
// Stripe has no key registry), any `pk_test_…` key its buyer-side endpoints. Live keys are refused.
// Keys come as Bearer (the SDKs, Stripe.js) or as Basic user (`curl -u sk_test_…:`).
import type { Auth } from '../core/context';
import { authError, MSG } from '../core/errors';

export function keyFrom(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value || null;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':')[0] || null;
  }
  return null;
}

export function authenticate(authorization: string | undefined): Auth {
  const key = keyFrom(authorization);
  if (!key) throw authError(MSG.noKey);
  if (/^(sk|rk)_test_\w+/.test(key)) return 'secret';
  if (/^pk_test_\w+/.test(key)) return 'publishable';
  if (/^(sk|rk|pk)_live_/.test(key)) throw authError(MSG.liveKey(key));
  throw authError(MSG.invalidKey(key));
}

/** A key of the wrong kind for the route: 401, like Stripe's answer to a publishable key on /v1/products. */
export function checkKeyKind(route: Auth, caller: Auth): void {
  if (route === caller) return;
  throw authError(route === 'secret' ? MSG.publishableKey : MSG.secretOnClient);
}
