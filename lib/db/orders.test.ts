import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attachSession, placeHolds, seedInventory, stockOf } from '@/lib/db/inventory';
import { countOrders, findOrder, recordPaidOrder } from '@/lib/db/orders';
import { freshDatabase, paidReceipt, testEngines, type TestDatabase } from '@/lib/db/testing';

const SOON = () => new Date(Date.now() + 30 * 60_000);
const receipt = (sessionId: string, unitAmount = 2200) =>
  paidReceipt(sessionId, { items: [{ productId: 'mug', description: 'Ceramic mug', quantity: 2, unitAmount }] });
const recorded = (event: { eventId: string; eventType: string }) => ({ recordedBy: 'webhook' as const, event });

for (const engine of testEngines()) {
  describe(`orders on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(engine);
      await seedInventory(t.db, [{ id: 'mug', stock: 10 }]);
    });
    after(() => t.dispose());

    test('a failure inside the order transaction leaves nothing half-applied, and the retry succeeds', async () => {
      await placeHolds(t.db, {
        reservationId: 'r-fail',
        lines: [{ productId: 'mug', quantity: 2 }],
        expiresAt: SOON(),
      });
      await attachSession(t.db, 'r-fail', 'cs_test_fail', SOON());
      const event = { eventId: 'evt_fail', eventType: 'checkout.session.completed' };
      // An amount that is not an integer fails the order insert, after the event id was written in the same transaction.
      await assert.rejects(recordPaidOrder(t.db, receipt('cs_test_fail', 2200.25), recorded(event)));
      assert.equal(await countOrders(t.db, 'cs_test_fail'), 0);
      assert.deepEqual(await stockOf(t.db, 'mug'), { stock: 10, held: 2 });

      // Stripe delivers the same event again: it was not recorded as processed, so it is acted on now.
      assert.equal(typeof (await recordPaidOrder(t.db, receipt('cs_test_fail'), recorded(event)))?.orderId, 'number');
      assert.equal(await countOrders(t.db, 'cs_test_fail'), 1);
      assert.deepEqual(await stockOf(t.db, 'mug'), { stock: 8, held: 0 });
      const order = await findOrder(t.db, 'cs_test_fail');
      assert.deepEqual(order?.shipping, receipt('cs_test_fail').shipping);
      assert.deepEqual(order?.items, receipt('cs_test_fail').items);
      assert.equal(order?.amountTotal, 5000);
      assert.equal(order?.paymentIntentId, 'pi_cs_test_fail');
    });

    test('the same completed event delivered concurrently makes one order and one sale', async () => {
      await placeHolds(t.db, { reservationId: 'r-dup', lines: [{ productId: 'mug', quantity: 1 }], expiresAt: SOON() });
      await attachSession(t.db, 'r-dup', 'cs_test_dup', SOON());
      const { stock } = await stockOf(t.db, 'mug');
      const event = { eventId: 'evt_dup', eventType: 'checkout.session.completed' };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => recordPaidOrder(t.db, receipt('cs_test_dup'), recorded(event))),
      );
      assert.equal(results.filter((id) => id !== null).length, 1);
      assert.equal(await countOrders(t.db, 'cs_test_dup'), 1);
      // Stock falls by what Stripe charged (2), not by the hold (1): an update can reach Stripe without its hold.
      assert.deepEqual(await stockOf(t.db, 'mug'), { stock: stock - 2, held: 0 });
    });
  });
}
