// Scripts read the same .env files Next.js reads (.env, .env.local, …), so `npm run stripe:seed` with keys
// in .env.local seeds that account, and `npm run dev` knows whether to start the local Stripe.
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production');
