// `npm run bench`: every benchmark, one after another. Numbers vary between machines and runs;
// compare numbers measured in one run. No build of the project is needed: the storefront benchmarks run on
// a build of their own (bench-build.ts), which adds bare and no-op routes the app never has.
// TEST_DATABASE_URL (or DATABASE_URL) adds Postgres to the database benchmarks (scratch databases on that server).
// BENCH_ONLY=cart-load,pipeline (a comma list of the part names below) runs only those parts.
import { spawn } from 'node:child_process';
import { createLocalStripe } from '../emulator';
import { LOCAL_PUBLISHABLE_KEY } from '../lib/env-schema';
import { createStripeClient } from '../lib/stripe/client';
import { syncCatalog } from '../lib/stripe/seed';
import { benchDatabase } from './bench-database';
import { main as benchEmulator } from './bench-emulator';
import { startBenchBuild } from './bench-build';
import { benchCartLoad } from './bench-cart-load';
import { benchEndpoints } from './bench-endpoints';
import { benchFirstLoad } from './bench-first-load';
import { benchActions } from './bench-actions';
import { benchSoak } from './bench-soak';

const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const want = (part: string) => !only || only.includes(part);

if (want('emulator')) {
  await benchEmulator();
  console.log('');
}

if (['actions', 'endpoints', 'first-load', 'cart-load'].some(want)) {
  const localStripe = createLocalStripe();
  const emulator = await localStripe.listen(0);
  try {
    const stripe = createStripeClient({
      kind: 'local',
      secretKey: 'sk_test_bench',
      publishableKey: LOCAL_PUBLISHABLE_KEY,
      emulatorUrl: emulator.url,
    });
    await syncCatalog(stripe);
    const app = await startBenchBuild(emulator.url);
    try {
      for (const [part, run] of [
        ['actions', () => benchActions(app.base, stripe)],
        ['endpoints', () => benchEndpoints(app.base, stripe)],
        ['first-load', () => benchFirstLoad(app.base)],
        ['cart-load', () => benchCartLoad(app, emulator.url, stripe)],
      ] as const) {
        if (!want(part)) continue;
        console.log('');
        await run();
      }
    } finally {
      await app.stop();
    }
  } finally {
    await emulator.close();
  }
  console.log('');
}
if (want('database')) {
  await benchDatabase();
  console.log('');
}
if (want('pipeline')) {
  // Its own process: it points the app's modules at an in-process local Stripe through the environment.
  await new Promise<void>((done, fail) =>
    spawn(process.execPath, [...process.execArgv, 'scripts/bench-pipeline.ts'], {
      stdio: 'inherit',
      cwd: `${import.meta.dirname}/..`,
    })
      .on('error', fail)
      .on('exit', (code) => (code === 0 ? done() : fail(new Error(`bench-pipeline exited with ${code}`)))),
  );
  console.log('');
}
if (want('soak')) await benchSoak(20000);
