// The benchmark's own build: a copy of the project in a temp dir with extra routes the app never has (a bare
// handler per mutation endpoint that makes the same Stripe calls with no checks, a no-op route, a bare page),
// built and started there on a free port. `serve(env)` starts one more server of the same build (another
// database); `stop()` kills every server's process group and removes the copy; the caller runs it in `finally`,
// and SIGINT/SIGTERM run it too. Every server runs with the creation limit off (the bench makes hundreds of
// sessions from one address) and no scheduled jobs (a sweep mid-run would add work the numbers do not ask about).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve, sep } from 'node:path';

/** Paths of the extra routes, as the bench requests them. */
export const BENCH_ROUTES = {
  bareInterval: '/bench/bare-interval',
  bareQuantity: '/bench/bare-quantity',
  bareSessions: '/bench/bare-sessions',
  noop: '/bench/noop',
  barePage: '/bench/bare',
} as const;

// Not the app's client (lib/stripe/client.ts) on purpose: no env parsing, no error mapping, only the SDK
// with the same network settings (timeout, one retry) pointed at the same local Stripe.
const BARE_STRIPE = `import Stripe from 'stripe';
const local = new URL(process.env.STRIPE_EMULATOR_URL ?? 'http://127.0.0.1:12111');
export const stripe = new Stripe('sk_test_bench', {
  host: local.hostname,
  port: Number(local.port),
  protocol: 'http',
  telemetry: false,
  maxNetworkRetries: 1,
  timeout: 4_000,
});
`;

const EXTRA_FILES: Record<string, string> = {
  'app/bench/bare-stripe.ts': BARE_STRIPE,
  // The interval switch's two Stripe calls: retrieve with line items, then the new plan line in the old one's place.
  'app/bench/bare-interval/route.ts': `import { stripe } from '../bare-stripe';
export async function POST(request: Request) {
  const { checkout_session_id: id, price } = await request.json();
  await stripe.checkout.sessions.retrieve(id, { expand: ['line_items'] });
  await stripe.checkout.sessions.update(id, { line_items: [{ price, quantity: 1 }] });
  return Response.json({ type: 'success' });
}
`,
  // The quantity change's two Stripe calls, with none of its checks, holds or database: what an action costs before
  // this storefront adds anything. Not gzipped, as the app's JSON answers are not (lib/http.ts).
  'app/bench/bare-quantity/route.ts': `import { stripe } from '../bare-stripe';
export async function POST(request: Request) {
  const { checkout_session_id: id, line_item_id, quantity } = await request.json();
  await stripe.checkout.sessions.retrieve(id, { expand: ['line_items', 'line_items.data.taxes'] });
  await stripe.checkout.sessions.update(id, { line_items: [{ id: line_item_id, quantity }] });
  return Response.json({ type: 'success' }, { headers: { 'Cache-Control': 'no-store, no-transform' } });
}
`,
  // The creation's one Stripe call (the app's catalog ids are cached, so it makes one too), idempotent per attempt.
  'app/bench/bare-sessions/route.ts': `import { stripe } from '../bare-stripe';
export async function POST(request: Request) {
  const { price, attemptId, returnUrl } = await request.json();
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'subscription',
      ui_mode: 'elements',
      line_items: [{ price, quantity: 1 }],
      return_url: returnUrl + '?session_id={CHECKOUT_SESSION_ID}',
      metadata: { storefront_browser_tag: 'bench' },
    },
    { idempotencyKey: 'bench-' + attemptId },
  );
  return Response.json({ clientSecret: session.client_secret }, { status: 201 });
}
`,
  'app/bench/noop/route.ts': `export async function POST() {
  return Response.json({ type: 'success' });
}
`,
  'app/bench/bare/page.tsx': `export default function BarePage() {
  return <p>hello</p>;
}
`,
};

// Not copied: dependencies (symlinked instead), build output, VCS and test artefacts.
const SKIP = new Set([
  'node_modules',
  '.next',
  '.git',
  'test-results',
  'playwright-report',
  'blob-report',
  'bench-results',
  '.data',
]);

const benchNextConfig = (turbopackRoot: string) => `import type { NextConfig } from 'next';
import app from './next.config.app';

const config: NextConfig = { ...app, turbopack: { ...app.turbopack, root: ${JSON.stringify(turbopackRoot)} }, outputFileTracingRoot: ${JSON.stringify(turbopackRoot)} };
export default config;
`;

function commonAncestor(a: string, b: string): string {
  const [left, right] = [a.split(sep), b.split(sep)];
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared++;
  return left.slice(0, shared).join(sep) || sep;
}

export type BenchServer = {
  base: string;
  dir: string;
  /** Starts another server of this build with these variables on top (stopped by `stop`). */
  serve: (extraEnv: Record<string, string>) => Promise<{ base: string; pid: number; stop: () => Promise<void> }>;
  stop: () => Promise<void>;
};

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

/** Copies, builds and starts the bench build against the local Stripe at `emulatorUrl`. */
export async function startBenchBuild(emulatorUrl: string): Promise<BenchServer> {
  const root = resolve(import.meta.dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-'));
  const servers = new Set<ChildProcess>();
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await Promise.all([...servers].map(stopServer));
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    for (const entry of readdirSync(root)) {
      if (!SKIP.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // Turbopack resolves nothing outside its root, and a symlinked node_modules points outside the copy
    // ("Could not find the Next.js package"): the copy's root is the folder that holds both.
    renameSync(join(dir, 'next.config.ts'), join(dir, 'next.config.app.ts'));
    writeFileSync(join(dir, 'next.config.ts'), benchNextConfig(commonAncestor(root, dir)));
    for (const [path, text] of Object.entries(EXTRA_FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // A throw-away in-memory database, so a running `npm run dev` (which holds .data/pglite) is left alone.
    const env = {
      ...process.env,
      STRIPE_SECRET_KEY: '',
      STRIPE_EMULATOR_URL: emulatorUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
      CHECKOUT_SESSIONS_PER_MINUTE: '0',
      SCHEDULED_JOBS: 'off',
    };
    console.log(`building the bench copy in ${dir} …`);
    const log = join(dir, 'build.log');
    const built = await run(['build'], dir, env, log);
    if (built !== 0)
      throw new Error(`next build in the bench copy failed (${built}):\n${readFileSync(log, 'utf8').slice(-3_000)}`);

    const serve = async (extraEnv: Record<string, string>) => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      // Its own process group, so stopping it stops the next-server it starts too.
      const server = spawn(process.execPath, [nextBin(), 'start', '-H', '127.0.0.1', '-p', String(port)], {
        cwd: dir,
        env: { ...env, ...extraEnv, APP_URL: base },
        stdio: 'ignore',
        detached: true,
      });
      servers.add(server);
      const stopThis = async () => {
        servers.delete(server);
        await stopServer(server);
      };
      try {
        await waitFor(base);
      } catch (error) {
        await stopThis();
        throw error;
      }
      return { base, pid: server.pid!, stop: stopThis };
    };
    const { base } = await serve({});
    return { base, dir, serve, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopServer(server: ChildProcess) {
  if (!server.pid || server.exitCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  try {
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
  } catch {
    // Already gone.
  }
}

const nextBin = () => resolve(import.meta.dirname, '..', 'node_modules/next/dist/bin/next');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<number | null> {
  writeFileSync(log, '');
  return new Promise((done, reject) => {
    const child = spawn(`"${process.execPath}" "${nextBin()}" ${args.join(' ')} >> "${log}" 2>&1`, {
      cwd,
      env,
      shell: true,
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', done);
  });
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} did not start`);
}
