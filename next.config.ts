import type { NextConfig } from 'next';
import { parseEnv } from './lib/env-schema';
import { securityHeaders, STRICT_TRANSPORT_SECURITY, type CspMode } from './lib/security-headers';

// Headers are computed when the config loads (at build, and at dev start), so build with the same
// Stripe environment you run with: a local-Stripe build only admits the local Stripe's host.
const { stripe, appUrl } = parseEnv(process.env);
const cspMode: CspMode =
  stripe.kind === 'live' ? { kind: 'live' } : { kind: 'local', emulatorOrigin: new URL(stripe.emulatorUrl).origin };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` serves its scripts to localhost only; the storefront also opens at 127.0.0.1 and [::1]
  // (and at APP_URL's host). Without this, a page opened there never hydrates.
  allowedDevOrigins: ['127.0.0.1', '[::1]', ...(appUrl ? [new URL(appUrl).hostname] : [])],
  // PGlite loads its WASM and data files from its own package folder at run time: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  // `npm test` checks the types with `tsc --noEmit` over every file (tests included, which the build's own check
  // skips) just before it builds, and says so: that build skips its second pass (19 s on a 2-core machine).
  // Every other build, Vercel's included, checks the types itself.
  typescript: { ignoreBuildErrors: process.env.TYPES_CHECKED_BY === 'tsc' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders(cspMode, { dev: process.env.NODE_ENV === 'development' }),
      },
      {
        // `next start` speaks http only: https ends at a proxy (Vercel's, or yours), which says so here.
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [STRICT_TRANSPORT_SECURITY],
      },
    ];
  },
};

export default nextConfig;
