// Security headers for every page. Pure, so next.config.ts can call it at build time and tests can read it.
// The CSP admits Stripe.js and Stripe's frames in live mode, and only the local Stripe's host in local mode: its
// scheme and host on any port, so that one build serves each local Stripe a test run starts (the e2e suite runs one
// per worker, on ports of their own; e2e/config.ts). Local mode runs only on a developer's or CI's machine.
// Next.js injects inline scripts without a nonce, so script-src needs 'unsafe-inline'; dev adds 'unsafe-eval'
// for React Refresh.
export type CspMode = { kind: 'live' } | { kind: 'local'; emulatorOrigin: string };

/** `http://127.0.0.1:12111` → `http://127.0.0.1:*`: the local Stripe's scheme and host, any port. */
const anyPort = (origin: string) => {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}:*`;
};

// From Stripe's CSP guidance for Stripe.js and Elements.
const STRIPE_SOURCES = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
  img: ['https://*.stripe.com'],
};

export function contentSecurityPolicy(mode: CspMode, { dev = false } = {}): string {
  const local = mode.kind === 'local' ? anyPort(mode.emulatorOrigin) : '';
  const stripe = mode.kind === 'live' ? STRIPE_SOURCES : { script: [local], frame: [local], connect: [local], img: [] };
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : []), ...stripe.script],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...stripe.img],
    'font-src': ["'self'", 'data:'],
    'frame-src': stripe.frame,
    'connect-src': ["'self'", ...stripe.connect, ...(dev ? ['ws:'] : [])],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function securityHeaders(mode: CspMode, options: { dev?: boolean } = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(mode, options) },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
}

/** Sent only over https (browsers ignore it on http): two years, subdomains included. */
export const STRICT_TRANSPORT_SECURITY = {
  key: 'Strict-Transport-Security',
  value: 'max-age=63072000; includeSubDomains',
};
