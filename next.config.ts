import type { NextConfig } from 'next';
import { parseEnv } from './lib/env-schema';
import { securityHeaders, type CspMode } from './lib/security-headers';

// Headers are computed when the config loads (at build, and at dev start), so build with the same
// Stripe environment you run with: a local-Stripe build only admits the local Stripe's origin.
const { stripe } = parseEnv(process.env);
const cspMode: CspMode =
  stripe.kind === 'live' ? { kind: 'live' } : { kind: 'local', emulatorOrigin: new URL(stripe.emulatorUrl).origin };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WASM and data files from its own package folder at run time: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: securityHeaders(cspMode, { dev: process.env.NODE_ENV === 'development' }),
      },
    ];
  },
};

export default nextConfig;
