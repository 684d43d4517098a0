import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_PGLITE_DATA_DIR,
  DEFAULT_POOL_SIZE,
  DEFAULT_POOL_TIMEOUT_MS,
  EnvError,
  LOCAL_STRIPE_DEFAULT_URL,
  parseEnv,
} from '@/lib/env-schema';

test('no keys means the local Stripe', () => {
  const env = parseEnv({});
  assert.equal(env.stripe.kind, 'local');
  assert.equal(env.stripe.kind === 'local' && env.stripe.emulatorUrl, LOCAL_STRIPE_DEFAULT_URL);
  assert.equal(env.appUrl, undefined, 'the local Stripe follows the address the storefront is opened at');
});

test('APP_URL overrides the local default; its trailing slash is dropped', () => {
  assert.equal(parseEnv({ APP_URL: 'http://127.0.0.1:4100/' }).appUrl, 'http://127.0.0.1:4100');
});

test('real keys in production need APP_URL or a Vercel URL; in development they default to this machine', () => {
  const keys = { STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' };
  assert.throws(() => parseEnv({ ...keys, NODE_ENV: 'production' }), /APP_URL is required in production/);
  assert.equal(
    parseEnv({ ...keys, NODE_ENV: 'production', APP_URL: 'https://shop.example' }).appUrl,
    'https://shop.example',
  );
  assert.equal(parseEnv({ ...keys, NODE_ENV: 'development', PORT: '4100' }).appUrl, 'http://localhost:4100');
  assert.equal(parseEnv({ NODE_ENV: 'production' }).appUrl, undefined, 'the local Stripe needs none');
});

test('test keys mean real Stripe in test mode', () => {
  const env = parseEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' });
  assert.deepEqual(env.stripe, { kind: 'live', secretKey: 'sk_test_abc', publishableKey: 'pk_test_abc' });
});

test('empty strings count as unset (as .env files leave them)', () => {
  assert.equal(parseEnv({ STRIPE_SECRET_KEY: '', STRIPE_API_VERSION: '' }).stripe.kind, 'local');
});

test('a live secret key with a test publishable key is refused, and the reverse', () => {
  assert.throws(
    () => parseEnv({ STRIPE_SECRET_KEY: 'sk_live_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }),
    /live key but NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is a test key/,
  );
  assert.throws(
    () => parseEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_abc' }),
    /test key but NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is a live key/,
  );
});

test('on Vercel a missing secret key is an error, not a silent local Stripe', () => {
  assert.throws(
    () => parseEnv({ VERCEL: '1', VERCEL_URL: 'shop.vercel.app' }),
    /STRIPE_SECRET_KEY is required on Vercel/,
  );
});

test('one error names every bad variable', () => {
  try {
    parseEnv({ STRIPE_SECRET_KEY: 'nope', STRIPE_WEBHOOK_SECRET: 'x', APP_URL: 'not a url' });
    assert.fail('expected an EnvError');
  } catch (error) {
    assert.ok(error instanceof EnvError);
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'APP_URL'])
      assert.match(error.message, new RegExp(name));
  }
});

test('the seed profile API version is accepted; the app URL comes from Vercel when unset', () => {
  const env = parseEnv({
    STRIPE_SECRET_KEY: 'sk_test_a',
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_a',
    STRIPE_API_VERSION: '2025-03-31.basil; checkout_server_update_beta=v1;',
    VERCEL: '1',
    VERCEL_URL: 'shop.vercel.app',
    DATABASE_URL: 'postgres://u:p@db.example/shop',
  });
  assert.equal(env.apiVersion, '2025-03-31.basil; checkout_server_update_beta=v1;');
  assert.equal(env.appUrl, 'https://shop.vercel.app');
});

test('PGLITE_TEST_IMAGE starts a memory:// database from that image; a folder or a Postgres ignores it', () => {
  const image = '/tmp/storefront-pglite-0123456789abcdef.tar';
  assert.deepEqual(parseEnv({ PGLITE_DATA_DIR: 'memory://', PGLITE_TEST_IMAGE: image }).database, {
    kind: 'pglite',
    dataDir: 'memory://',
    startFrom: image,
  });
  assert.deepEqual(parseEnv({ PGLITE_DATA_DIR: '/srv/shop/db', PGLITE_TEST_IMAGE: image }).database, {
    kind: 'pglite',
    dataDir: '/srv/shop/db',
  });
  assert.deepEqual(parseEnv({ PGLITE_TEST_IMAGE: image }).database, {
    kind: 'pglite',
    dataDir: DEFAULT_PGLITE_DATA_DIR,
  });
  assert.equal(
    parseEnv({ DATABASE_URL: 'postgres://localhost/shop', PGLITE_TEST_IMAGE: image }).database.kind,
    'postgres',
  );
});

test('no DATABASE_URL means the embedded PGlite in .data/pglite (or PGLITE_DATA_DIR)', () => {
  assert.deepEqual(parseEnv({}).database, { kind: 'pglite', dataDir: DEFAULT_PGLITE_DATA_DIR });
  assert.deepEqual(parseEnv({ PGLITE_DATA_DIR: 'memory://' }).database, { kind: 'pglite', dataDir: 'memory://' });
  assert.deepEqual(parseEnv({ DATABASE_URL: 'postgresql://localhost:5432/shop' }).database, {
    kind: 'postgres',
    url: 'postgresql://localhost:5432/shop',
    poolSize: DEFAULT_POOL_SIZE,
    poolTimeoutMs: DEFAULT_POOL_TIMEOUT_MS,
  });
});

test("the Postgres pool's size and connection timeout come from DATABASE_POOL_SIZE and DATABASE_POOL_TIMEOUT_MS", () => {
  const url = 'postgres://localhost/shop';
  assert.deepEqual(parseEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: '3', DATABASE_POOL_TIMEOUT_MS: '250' }).database, {
    kind: 'postgres',
    url,
    poolSize: 3,
    poolTimeoutMs: 250,
  });
  // A timeout of 0 is node-postgres's "wait forever": refused, as are sizes that are not a count.
  for (const [name, value] of [
    ['DATABASE_POOL_TIMEOUT_MS', '0'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
  ] as const) {
    assert.throws(() => parseEnv({ DATABASE_URL: url, [name]: value }), new RegExp(name));
  }
});

test('a DATABASE_URL that is not a postgres URL is refused', () => {
  assert.throws(() => parseEnv({ DATABASE_URL: 'mysql://localhost/shop' }), /DATABASE_URL must be a postgres/);
});

test('on Vercel a missing DATABASE_URL is an error, named beside a missing secret key', () => {
  assert.throws(
    () => parseEnv({ VERCEL: '1', STRIPE_SECRET_KEY: 'sk_test_a', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_a' }),
    /DATABASE_URL is required on Vercel/,
  );
  assert.throws(
    () => parseEnv({ VERCEL: '1' }),
    /STRIPE_SECRET_KEY is required on Vercel[\s\S]*DATABASE_URL is required on Vercel/,
  );
});
