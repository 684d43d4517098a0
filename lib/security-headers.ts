// Security headers for every page. Pure, so next.config.ts can call it at build time and tests can read it.
// The CSP admits Stripe.js and Stripe's frames in live mode, and only the local Stripe's origin in local mode.
// Next.js injects inline scripts without a nonce, so script-src needs 'unsafe-inline'; dev adds 'unsafe-eval'
// for React Refresh.
export type CspMode = { kind: 'live' } | { kind: 'local'; emulatorOrigin: string };

// From Stripe's CSP guidance for Stripe.js and Elements.
const STRIPE_SOURCES = {
  script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
  img: ['https://*.stripe.com'],
};

export function contentSecurityPolicy(mode: CspMode, { dev = false } = {}): string {
  const stripe =
    mode.kind === 'live'
      ? STRIPE_SOURCES
      : { script: [mode.emulatorOrigin], frame: [mode.emulatorOrigin], connect: [mode.emulatorOrigin], img: [] };
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
