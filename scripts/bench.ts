// `npm run bench`: every benchmark, one after another. Numbers vary between machines and runs;
// compare numbers measured in one run. No build of the project is needed: the storefront benchmarks run on
// a build of their own (bench-build.ts), which adds bare and no-op routes the app never has.
import { createLocalStripe } from '../emulator';
import { LOCAL_PUBLISHABLE_KEY } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';
import { benchDatabase } from './bench-database';
import { main as benchEmulator } from './bench-emulator';
import { startBenchBuild } from './bench-build';
import { benchEndpoints } from './bench-endpoints';
import { benchFirstLoad } from './bench-first-load';
import { benchActions } from './bench-actions';
import { benchSoak } from './bench-soak';

await benchEmulator();
console.log('');

const localStripe = createLocalStripe();
const emulator = await localStripe.listen(0);
try {
  const stripe = createStripeClient({ kind: 'local', secretKey: 'sk_test_bench', publishableKey: LOCAL_PUBLISHABLE_KEY, emulatorUrl: emulator.url });
  await syncCatalog(stripe);
  const app = await startBenchBuild(emulator.url);
  try {
    console.log('');
    await benchActions(app.base, stripe);
    console.log('');
    await benchEndpoints(app.base, stripe);
    console.log('');
    await benchFirstLoad(app.base);
  } finally {
    await app.stop();
  }
} finally {
  await emulator.close();
}
console.log('');
await benchDatabase();
console.log('');
await benchSoak(20000);
