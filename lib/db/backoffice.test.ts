import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { failedLoginsSince, recordLoginAttempt } from '@/lib/db/admin-logins';
import { findOrderById, listOrders } from '@/lib/db/admin-orders';
import { placeHolds, seedInventory, stockOf } from '@/lib/db/inventory';
import { recordPaidOrder } from '@/lib/db/orders';
import { bookRefund, listOrderRefunds, orderIdForRefund, refundedUnitsByLine } from '@/lib/db/refunds';
import { changeStock, listStock } from '@/lib/db/stock-admin';
import { freshDatabase, paidReceipt, testEngines, type TestDatabase } from '@/lib/db/testing';

const SOON = () => new Date(Date.now() + 30 * 60_000);

for (const engine of testEngines()) {
  describe(`the back office's data on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(engine);
      await seedInventory(t.db, [
        { id: 'mug', stock: 10 },
        { id: 'beans', stock: 20 },
      ]);
    });
    after(() => t.dispose());

    async function order(sessionId: string, email = 'buyer@example.com') {
      const receipt = paidReceipt(sessionId, {
        email,
        items: [
          { productId: 'beans', quantity: 2, unitAmount: 1800 },
          { productId: 'mug', quantity: 1, unitAmount: 1200 },
        ],
      });
      const recorded = await recordPaidOrder(t.db, receipt, { recordedBy: 'webhook' });
      return recorded!.orderId;
    }

    test('orders are listed newest first, a page at a time, and found by number or email', async () => {
      const first = await order('cs_list_1', 'ada@example.com');
      const second = await order('cs_list_2', 'Grace@Example.com');
      const all = await listOrders(t.db, { pageSize: 1 });
      assert.equal(all.orders[0]?.id, second);
      assert.equal((await listOrders(t.db, { pageSize: 1, page: 2 })).orders[0]?.id, first);
      assert.deepEqual(
        (await listOrders(t.db, { query: 'grace@' })).orders.map((o) => o.id),
        [second],
      );
      assert.deepEqual(
        (await listOrders(t.db, { query: `#${first}` })).orders.map((o) => o.id),
        [first],
      );
      assert.equal((await listOrders(t.db, { query: '100%_' })).total, 0);
    });

    test('a refund is booked once per Stripe refund id; the order and the shelf follow once', async () => {
      const id = await order('cs_refund');
      const stockBefore = (await stockOf(t.db, 'mug')).stock;
      const booking = {
        orderId: id,
        refund: { refundId: 're_1', amount: 1200, currency: 'usd', status: 'succeeded', reason: null },
        source: 'admin' as const,
        lines: [{ position: 1, quantity: 1 }],
        restock: true,
      };
      assert.equal(await bookRefund(t.db, booking), true);
      // The webhook for the same refund arrives (twice): no second booking, no second restock.
      assert.equal(await bookRefund(t.db, { ...booking, source: 'stripe', lines: [], restock: false }), false);
      assert.equal(await bookRefund(t.db, booking), false);
      let found = await findOrderById(t.db, id);
      assert.deepEqual([found?.order.status, found?.order.amountRefunded], ['partially_refunded', 1200]);
      assert.equal((await stockOf(t.db, 'mug')).stock, stockBefore + 1);
      assert.deepEqual([...refundedUnitsByLine(await listOrderRefunds(t.db, id))], [[1, 1]]);
      assert.equal(await orderIdForRefund(t.db, 're_1', null), id);
      assert.equal(await orderIdForRefund(t.db, 're_new', `pi_cs_refund`), id);

      // A Dashboard refund of the rest, then that refund failing: the order follows its refunds.
      const rest = found!.order.amountTotal - 1200;
      await bookRefund(t.db, {
        orderId: id,
        refund: { refundId: 're_2', amount: rest, currency: 'usd', status: 'succeeded', reason: null },
        source: 'stripe',
        lines: [],
        restock: false,
      });
      found = await findOrderById(t.db, id);
      assert.deepEqual([found?.order.status, found?.order.amountRefunded], ['refunded', found?.order.amountTotal]);
      await bookRefund(t.db, {
        orderId: id,
        refund: { refundId: 're_2', amount: rest, currency: 'usd', status: 'failed', reason: null },
        source: 'stripe',
        lines: [],
        restock: false,
      });
      found = await findOrderById(t.db, id);
      assert.deepEqual([found?.order.status, found?.order.amountRefunded], ['partially_refunded', 1200]);
    });

    test('stock shows what open checkouts hold; setting it or adding a delivery leaves the holds alone', async () => {
      await placeHolds(t.db, {
        reservationId: 'r-stock',
        lines: [{ productId: 'beans', quantity: 3 }],
        expiresAt: SOON(),
      });
      const before = (await listStock(t.db)).find((row) => row.productId === 'beans')!;
      assert.equal(before.held, 3);
      assert.equal(before.available, before.stock - 3);
      assert.equal(before.holds[0]?.quantity, 3);
      assert.equal(await changeStock(t.db, 'beans', { set: 5 }), 5);
      assert.equal(await changeStock(t.db, 'beans', { add: 4 }), 9);
      assert.deepEqual(await stockOf(t.db, 'beans'), { stock: 9, held: 3 });
      assert.equal(await changeStock(t.db, 'no-such-product', { add: 1 }), null);
    });

    test('failed sign-ins are counted per address within the window', async () => {
      const since = new Date(Date.now() - 60_000);
      await recordLoginAttempt(t.db, '203.0.113.9', false);
      await recordLoginAttempt(t.db, '203.0.113.9', false);
      await recordLoginAttempt(t.db, '203.0.113.9', true);
      await recordLoginAttempt(t.db, '198.51.100.1', false);
      await recordLoginAttempt(t.db, '203.0.113.9', false, new Date(Date.now() - 3_600_000));
      assert.equal(await failedLoginsSince(t.db, '203.0.113.9', since), 2);
    });
  });
}
