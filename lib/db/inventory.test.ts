import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  attachSession,
  availableStock,
  placeHolds,
  releaseReservation,
  seedInventory,
  stockOf,
} from '@/lib/db/inventory';
import { releaseSessionHolds } from '@/lib/db/orders';
import { freshDatabase, testEngines, type TestDatabase } from '@/lib/db/testing';
import { OutOfStockError } from '@/lib/errors';

const SOON = () => new Date(Date.now() + 30 * 60_000);

for (const engine of testEngines()) {
  describe(`inventory on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(engine, { poolSize: 25 });
    });
    after(() => t.dispose());

    test('migrations apply to an empty database, and again without change', async () => {
      await t.migrate();
      await t.migrate();
      await seedInventory(t.db, [{ id: 'mig', stock: 1 }]);
      assert.deepEqual(await stockOf(t.db, 'mig'), { stock: 1, held: 0 });
    });

    test('seeding gives new products their stock and leaves existing rows alone', async () => {
      await seedInventory(t.db, [{ id: 'seeded', stock: 5 }]);
      await seedInventory(t.db, [{ id: 'seeded', stock: 99 }]);
      assert.equal((await stockOf(t.db, 'seeded')).stock, 5);
    });

    test('50 concurrent buyers for the last 10 units get exactly 10 between them, 0 oversold', async () => {
      await seedInventory(t.db, [{ id: 'last-ten', stock: 10 }]);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          placeHolds(t.db, {
            reservationId: `buyer-${i}`,
            lines: [{ productId: 'last-ten', quantity: 1 }],
            expiresAt: SOON(),
          }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.filter((r) => r.status === 'rejected');
      assert.equal(won, 10);
      for (const r of refused)
        assert.ok(
          r.status === 'rejected' && r.reason instanceof OutOfStockError,
          String(r.status === 'rejected' && r.reason),
        );
      assert.deepEqual(await stockOf(t.db, 'last-ten'), { stock: 10, held: 10 });
      assert.equal((await availableStock(t.db)).get('last-ten'), 0);
    });

    test('holds are absolute per reservation: a retry does not hold twice, and can shrink', async () => {
      await seedInventory(t.db, [{ id: 'abs', stock: 4 }]);
      const hold = (quantity: number) =>
        placeHolds(t.db, { reservationId: 'r-abs', lines: [{ productId: 'abs', quantity }], expiresAt: SOON() });
      await hold(3);
      await hold(3);
      assert.equal((await stockOf(t.db, 'abs')).held, 3);
      await hold(4); // its own 3 do not count against it
      await hold(1);
      assert.equal((await stockOf(t.db, 'abs')).held, 1);
    });

    test('out of stock names what is left and holds nothing, not even the lines that fit', async () => {
      await seedInventory(t.db, [
        { id: 'plenty', stock: 50 },
        { id: 'scarce', stock: 2 },
      ]);
      await assert.rejects(
        placeHolds(t.db, {
          reservationId: 'r-short',
          lines: [
            { productId: 'plenty', quantity: 1 },
            { productId: 'scarce', quantity: 3 },
          ],
          expiresAt: SOON(),
        }),
        (error: unknown) => error instanceof OutOfStockError && error.productId === 'scarce' && error.available === 2,
      );
      assert.equal((await stockOf(t.db, 'plenty')).held, 0);
      assert.equal((await stockOf(t.db, 'scarce')).held, 0);
    });

    test('availability ignores expired holds even if no webhook released them', async () => {
      await seedInventory(t.db, [{ id: 'exp', stock: 1 }]);
      await placeHolds(t.db, {
        reservationId: 'r-old',
        lines: [{ productId: 'exp', quantity: 1 }],
        expiresAt: new Date(Date.now() - 1000),
      });
      await placeHolds(t.db, { reservationId: 'r-new', lines: [{ productId: 'exp', quantity: 1 }], expiresAt: SOON() });
      assert.equal((await stockOf(t.db, 'exp')).held, 1);
    });

    test('checkout.session.expired releases the session holds at once, once', async () => {
      await seedInventory(t.db, [{ id: 'rel', stock: 3 }]);
      await placeHolds(t.db, { reservationId: 'r-rel', lines: [{ productId: 'rel', quantity: 3 }], expiresAt: SOON() });
      await attachSession(t.db, 'r-rel', 'cs_test_rel', SOON());
      const event = { eventId: 'evt_rel', eventType: 'checkout.session.expired' };
      assert.equal(await releaseSessionHolds(t.db, event, 'cs_test_rel'), 1);
      assert.deepEqual(await stockOf(t.db, 'rel'), { stock: 3, held: 0 });
      assert.equal(await releaseSessionHolds(t.db, event, 'cs_test_rel'), 0);
    });

    test('releasing a reservation keeps holds already attached to a live session', async () => {
      await seedInventory(t.db, [{ id: 'keep', stock: 5 }]);
      await placeHolds(t.db, {
        reservationId: 'r-live',
        lines: [{ productId: 'keep', quantity: 2 }],
        expiresAt: SOON(),
      });
      await attachSession(t.db, 'r-live', 'cs_test_live', SOON());
      await releaseReservation(t.db, 'r-live');
      assert.equal((await stockOf(t.db, 'keep')).held, 2);
      await placeHolds(t.db, {
        reservationId: 'r-gone',
        lines: [{ productId: 'keep', quantity: 2 }],
        expiresAt: SOON(),
      });
      await releaseReservation(t.db, 'r-gone');
      assert.equal((await stockOf(t.db, 'keep')).held, 2);
    });
  });
}
