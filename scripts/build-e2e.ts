// The e2e suite's builds for workers past the first (e2e/config.ts): the same sources as .next, built again into
// .next-e2e/<slot> with that worker's local Stripe, since the CSP admits exactly one local Stripe origin and is
// fixed at build time. A slot's build is made again whenever .next is newer than it, so `npm run build` then
// `npm run test:e2e` always tests what was just built.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { E2E_WORKERS, stackFor } from '../e2e/config';

const builtAt = (distDir: string) => {
  try {
    return statSync(`${distDir}/BUILD_ID`).mtimeMs;
  } catch {
    return null;
  }
};

const main = builtAt('.next');
if (main === null) {
  console.error('No production build in .next: run `npm run build` first.');
  process.exit(1);
}
for (let slot = 1; slot < E2E_WORKERS; slot++) {
  const { distDir, localStripeUrl } = stackFor(slot);
  if ((builtAt(distDir) ?? 0) > main) continue;
  console.log(`Building the e2e worker ${slot}'s copy into ${distDir} (its local Stripe: ${localStripeUrl})…`);
  const build = spawnSync('node_modules/.bin/next', ['build'], {
    stdio: 'inherit',
    // The types were checked for .next's build (or by npm test's tsc): the sources are the same.
    env: { ...process.env, NEXT_DIST_DIR: distDir, STRIPE_EMULATOR_URL: localStripeUrl, TYPES_CHECKED_BY: 'tsc' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
