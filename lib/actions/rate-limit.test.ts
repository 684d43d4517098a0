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
  });
}
