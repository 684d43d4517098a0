// Creating checkouts is limited per client address, counted in the database: a cookieless loop (a new browser
// each time, so nothing to resume) is refused once it passes the limit, before it holds anything more.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

process.env.CHECKOUT_SESSIONS_PER_MINUTE = '3';
const { ORIGIN, startStorefront } = await import('@/lib/actions/testing');
const s = await startStorefront();
after(() => s.h.close());

const { openCheckout } = await import('@/lib/actions/open-checkout');
const { limitCheckoutCreation } = await import('@/lib/actions/rate-limit');
const { admitRequest } = await import('@/lib/db/rate-limits');
const { useDatabase } = await import('@/lib/db/client');
const { seedInventory, stockOf } = await import('@/lib/db/inventory');
const { freshDatabase, testEngines } = await import('@/lib/db/testing');
const { RateLimitedError } = await import('@/lib/errors');
const { errorResponse } = await import('@/lib/http');

const MUG = 'ceramic-mug';
const cookieless = (clientAddress: string) =>
  openCheckout({
    cart: { kind: 'products', items: [{ productId: MUG, quantity: 1 }] },
    attemptId: randomUUID(),
    browserToken: randomUUID(),
    origin: ORIGIN,
    clientAddress,
  });

for (const engine of testEngines()) {
  describe(`checkout creation limits on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      t = await freshDatabase(engine);
      useDatabase(t);
      await seedInventory(t.db, [{ id: MUG, stock: 50 }]);
    });
    after(() => t.dispose());

    test('a cookieless loop is refused past the limit: 429, Retry-After, a safe message, nothing more held', async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => cookieless(`loop-${engine}`)));
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 3);
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      assert.ok(refused.every((error) => error instanceof RateLimitedError));
      assert.equal((await stockOf(t.db, MUG)).held, 3);
      const response = errorResponse(refused[0], 'test');
      assert.equal(response.status, 429);
      assert.ok(Number(response.headers.get('retry-after')) >= 1);
      assert.deepEqual(await response.json(), {
        type: 'error',
        message: 'Too many checkouts were started from your network. Please wait a minute and try again.',
      });
      // Another address has its own count.
      await cookieless(`other-${engine}`);
      assert.equal((await stockOf(t.db, MUG)).held, 4);
    });

    test('a loop straddling a minute’s edge is held to the limit over the last minute, not twice it', async () => {
      const edge = Date.UTC(2026, 0, 1, 12, 0, 0);
      const at = (ms: number) => new Date(edge + ms);
      const started = async (ms: number) => {
        try {
          await limitCheckoutCreation(t.db, `edge-${engine}`, at(ms));
          return 'started';
        } catch (error) {
          return error instanceof RateLimitedError ? `429 ${error.retryAfterSeconds}s` : String(error);
        }
      };
      // Two in the minute before the edge, one more just after it: the last minute holds three.
      assert.deepEqual([await started(-3_000), await started(-2_000), await started(1_000)], Array(3).fill('started'));
      // A fixed minute would admit two more here; the previous minute's two still count, almost whole. Refusals add
      // nothing, and each says when one more fits: once the previous minute's weight is down to one (30 s in).
      assert.deepEqual([await started(2_000), await started(3_000)], ['429 28s', '429 27s']);
      assert.equal(await started(29_000), '429 1s');
      assert.equal(await started(30_000), 'started');
      assert.equal(await started(31_000), '429 29s');
    });

    test('concurrent requests from one address, on any connection, never pass the limit together', async () => {
      const now = new Date();
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => admitRequest(t.db, `burst-${engine}`, { limit: 5, windowMs: 60_000 }, now)),
      );
      assert.equal(answers.filter((answer) => answer.admitted).length, 5);
      assert.deepEqual(
        answers.find((answer) => !answer.admitted),
        { admitted: false, counts: { current: 5, previous: 0 } },
      );
    });
  });
}
