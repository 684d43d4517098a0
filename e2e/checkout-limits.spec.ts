// Creating checkouts is limited per client address (CHECKOUT_SESSIONS_PER_MINUTE): a cookieless loop, each
// request a new "browser" and a new X-Forwarded-For, is answered 429 once past the limit, before it holds more.
// The suite's own servers run with the limit off (they make hundreds of checkouts), so this spec starts a
// server of the same build with the limit on, on a free port, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { LOCAL_STRIPE_URL, NEXT_START } from './config';
import { BROWSER_HEADERS, isSafeErrorAnswer, send } from './raw-http';
import { expect, test } from './support';

const LIMIT = 5;
let server: ChildProcess;
let origin: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync('test-results', { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [...NEXT_START, String(port)], {
    env: {
      ...process.env,
      STRIPE_SECRET_KEY: '',
      STRIPE_EMULATOR_URL: LOCAL_STRIPE_URL,
      DATABASE_URL: '',
      PGLITE_DATA_DIR: 'memory://',
      CHECKOUT_SESSIONS_PER_MINUTE: String(LIMIT),
      TRUST_PROXY: '',
      SCHEDULED_JOBS: 'off',
    },
    stdio: ['ignore', openSync('test-results/next-limits.log', 'a'), openSync('test-results/next-limits.log', 'a')],
  });
  await expect
    .poll(
      () =>
        fetch(origin).then(
          (response) => response.ok,
          () => false,
        ),
      { timeout: 120_000 },
    )
    .toBe(true);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

const onShelf = async (productId: string) => {
  const html = await (await fetch(`${origin}/`)).text();
  return Number(new RegExp(`data-testid="stock-${productId}"[^>]*>(\\d+) in stock<`).exec(html)?.[1] ?? 0);
};

test('a cookieless creation loop with a rotating X-Forwarded-For is answered 429 past the limit, holding no more', async () => {
  const before = await onShelf('ceramic-mug');
  const answers = [];
  for (let i = 0; i < LIMIT + 7; i += 1) {
    const body = JSON.stringify({
      cart: { kind: 'products', items: [{ productId: 'ceramic-mug', quantity: 1 }] },
      attemptId: randomUUID(),
    });
    answers.push(
      await send(
        '/api/checkout/sessions',
        { ...BROWSER_HEADERS, origin, 'x-forwarded-for': `203.0.113.${i}` },
        body,
        origin,
      ),
    );
  }
  expect(answers.map((answer) => answer.status)).toEqual([...Array(LIMIT).fill(201), ...Array(7).fill(429)]);
  for (const refused of answers.slice(LIMIT)) {
    expect(isSafeErrorAnswer(refused)).toBe(true);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  }
  expect(await onShelf('ceramic-mug')).toBe(before - LIMIT);
});
