// A full Postgres pool answers "busy" in bounded time: with one connection held, a webhook that needs the
// database gets 503, Retry-After and a safe message after the pool's timeout (not an unbounded wait), and
// the same request succeeds once the connection is free. PGlite has one connection and no pool, so nothing
// queues in a pool there: requests wait inside PGlite, and this file only runs its Postgres part under
// `npm run test:db`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';

const WEBHOOK_SECRET = 'whsec_test_pool'; // not a secret: the test signs its own events
process.env.STRIPE_SECRET_KEY = '';
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;

const { POST: webhook } = await import('@/app/api/webhooks/stripe/route');
const { useDatabase } = await import('@/lib/db/client');
const { stockOf } = await import('@/lib/db/inventory');
const { busyErrorFrom } = await import('@/lib/db/pool');
const { processedEvents } = await import('@/lib/db/schema');
const { freshDatabase, testEngines } = await import('@/lib/db/testing');
const { DatabaseBusyError } = await import('@/lib/errors');
const { errorResponse } = await import('@/lib/http');

const TIMEOUT_MS = 300;
const BUSY = 'The shop is busy, please try again in a moment.';

/** An expired-session event, signed as Stripe signs it: the route releases its holds in one transaction. */
function expiredEvent(id: string): Request {
  const payload = JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.expired',
    data: { object: { id: 'cs_test_pool', object: 'checkout.session' } },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return new Request('http://app/api/webhooks/stripe', {
    method: 'POST',
    body: payload,
    headers: { 'stripe-signature': signature },
  });
}

test("node-postgres's two timeout errors become DatabaseBusyError; other errors pass unchanged", () => {
  assert.ok(busyErrorFrom(new Error('timeout exceeded when trying to connect')) instanceof DatabaseBusyError);
  assert.ok(busyErrorFrom(new Error('Connection terminated due to connection timeout')) instanceof DatabaseBusyError);
  const other = new Error('relation "x" does not exist');
  assert.equal(busyErrorFrom(other), other);
});

test('errorResponse answers DatabaseBusyError, even wrapped by a library, with 503, Retry-After and the safe message', async () => {
  const wrapped = new Error('Failed query: select 1', { cause: new DatabaseBusyError('pool timeout') });
  const response = errorResponse(wrapped, 'test');
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '2');
  assert.deepEqual(await response.json(), { type: 'error', message: BUSY });
});

for (const engine of testEngines().filter((name) => name === 'postgres')) {
  describe(`a full pool on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      t = await freshDatabase(engine, { poolSize: 1, poolTimeoutMs: TIMEOUT_MS });
      useDatabase(t);
    });
    after(() => t.dispose());

    /** Takes the pool's one connection in an open transaction until `release` is called. */
    async function holdTheConnection() {
      let free!: () => void;
      const held = t.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await new Promise<void>((resolve) => (free = resolve));
      });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the transaction has the connection now
      return async () => {
        free();
        await held;
      };
    }

    test('a request that cannot get a connection answers 503 after the timeout, and succeeds once one is free', async () => {
      const release = await holdTheConnection();
      try {
        const started = performance.now();
        const busy = await webhook(expiredEvent('evt_pool_1'));
        const waited = performance.now() - started;
        assert.equal(busy.status, 503);
        assert.equal(busy.headers.get('retry-after'), '2');
        assert.deepEqual(await busy.json(), { type: 'error', message: BUSY });
        assert.ok(waited >= TIMEOUT_MS - 20 && waited < TIMEOUT_MS + 2_000, `answered after ${Math.round(waited)} ms`);
        // A plain query (not a transaction) waits the same way; Drizzle wraps the error, the cause is ours.
        await assert.rejects(stockOf(t.db, 'ceramic-mug'), (error: Error) => error.cause instanceof DatabaseBusyError);
      } finally {
        await release(); // also after a failed assertion: disposing the pool would wait for a held connection
      }
      assert.equal((await webhook(expiredEvent('evt_pool_1'))).status, 200);
      // The event was recorded once, by the request that got a connection: the refused one changed nothing.
      const recorded = await t.db.select().from(processedEvents).where(eq(processedEvents.eventId, 'evt_pool_1'));
      assert.equal(recorded.length, 1);
    });
  });
}
