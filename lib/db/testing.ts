// Fresh databases for tests (never imported by the app). Every test gets its own: an in-memory PGlite, or,
// when the run asks for Postgres (`npm run test:db` with TEST_DATABASE_URL), a new database on that server,
// dropped afterwards. Both are migrated from the committed SQL, as production is.
import 'server-only';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import { openDatabase, type DatabaseHandle } from '@/lib/db/client';
import { givenTestImage } from '@/lib/db/pglite-image';

export type Engine = 'pglite' | 'postgres';

/**
 * The engines this run tests: PGlite, unless DB_TEST_ENGINES says otherwise (`npm test` sets `pglite,postgres`
 * when TEST_DATABASE_URL is set; `npm run test:db` sets `postgres`).
 */
export function testEngines(): Engine[] {
  const listed = (process.env.DB_TEST_ENGINES ?? 'pglite').split(',').map((name) => name.trim());
  return listed.filter((name): name is Engine => name === 'pglite' || name === 'postgres');
}

export type TestDatabase = DatabaseHandle & {
  /** The scratch database's URL on Postgres (a server of the bench can use it too); undefined on PGlite. */
  url?: string;
  dispose(): Promise<void>;
};

export async function freshDatabase(
  engine: Engine,
  options: { poolSize?: number; poolTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    // From the migrated image the unit-test runner made (lib/db/pglite-image.ts), when there is one: PGlite's
    // initdb takes seconds a database. Migrating after it is then a check that finds nothing to apply.
    const handle = await openDatabase({
      kind: 'pglite',
      dataDir: 'memory://',
      startFrom: givenTestImage(),
    });
    await handle.migrate();
    return { ...handle, dispose: handle.close };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error('TEST_DATABASE_URL is not set: the Postgres tests need a server to make databases on');
  const name = `storefront_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Tests check outcomes, not latency: on a loaded machine 50 concurrent buyers may queue past the app's 5 s
  // pool timeout, so tests wait longer unless they test the timeout itself (lib/db/pool.test.ts).
  const pool = { poolSize: options.poolSize ?? 20, poolTimeoutMs: options.poolTimeoutMs ?? 30_000 };
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), ...pool });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** A paid checkout as Stripe would report it, for tests and the bench: one line per item given. */
export function paidReceipt(
  sessionId: string,
  {
    items,
    bindingTag = 'tag',
    ...rest
  }: {
    items: Array<{ productId: string | null; description?: string; quantity: number; unitAmount: number }>;
    bindingTag?: string | null;
  } & Partial<Omit<CheckoutReceipt, 'items'>>,
): CheckoutReceipt {
  const lines = items.map(({ productId, description = productId ?? 'Line', quantity, unitAmount }) => ({
    productId,
    description,
    quantity,
    amountSubtotal: quantity * unitAmount,
    amountDiscount: 0,
    amountTax: 0,
    amountTotal: quantity * unitAmount,
    interval: null,
  }));
  const subtotal = lines.reduce((sum, line) => sum + line.amountTotal, 0);
  return {
    id: sessionId,
    status: 'complete',
    mode: 'payment',
    paymentStatus: 'paid',
    currency: 'usd',
    amountSubtotal: subtotal,
    amountTotal: subtotal + 600,
    amountShipping: 600,
    amountTax: 0,
    amountDiscount: 0,
    shippingMethod: 'Standard shipping',
    taxRate: null,
    email: 'buyer@example.com',
    shipping: {
      name: 'Ada',
      address: { line1: '1 Main St', line2: null, city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
    },
    bindingTag,
    paymentIntentId: `pi_${sessionId}`,
    subscriptionId: null,
    items: lines,
    ...rest,
  };
}

/**
 * The same database, except that the next raw statement whose SQL contains `marker` fails, as if the database went
 * away at that moment (tests of what a change leaves behind when its last step cannot be written).
 */
export function failingOnce(handle: DatabaseHandle, marker: string): DatabaseHandle {
  let armed = true;
  const db = new Proxy(handle.db, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return (query: Parameters<typeof target.execute>[0]) => {
        if (armed && sqlText(query).includes(marker)) {
          armed = false;
          return Promise.reject(new Error(`connection terminated (test: the statement with ${marker})`));
        }
        return target.execute(query);
      };
    },
  });
  return { ...handle, db };
}

/** The literal text of a drizzle `sql` template (its string chunks, nested ones too), to recognise a statement by. */
function sqlText(query: unknown): string {
  const chunks = (query as { queryChunks?: unknown[] })?.queryChunks;
  if (!Array.isArray(chunks)) return '';
  return chunks
    .map((chunk) =>
      Array.isArray((chunk as { value?: unknown }).value)
        ? (chunk as { value: string[] }).value.join('')
        : sqlText(chunk),
    )
    .join('');
}
