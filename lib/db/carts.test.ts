import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emptyCart, getCart, removeCartLine, setCartLine, updateCartLine } from '@/lib/db/carts';
import { attachSession, placeHolds, seedInventory } from '@/lib/db/inventory';
import { recordPaidOrder } from '@/lib/db/orders';
import { freshDatabase, paidReceipt, testEngines, type TestDatabase } from '@/lib/db/testing';

const SOON = () => new Date(Date.now() + 30 * 60_000);
const paid = (sessionId: string, bindingTag: string, productId: string | null = 'mug') =>
  paidReceipt(sessionId, { bindingTag, items: [{ productId, description: 'Mug', quantity: 1, unitAmount: 2200 }] });

for (const engine of testEngines()) {
  describe(`carts on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await freshDatabase(engine);
      await seedInventory(t.db, [
        { id: 'mug', stock: 10 },
        { id: 'beans', stock: 10 },
      ]);
    });
    after(() => t.dispose());

    test('a new owner has an empty cart', async () => {
      assert.deepEqual(await getCart(t.db, 'nobody'), []);
    });

    test('quantities are absolute, one line per product, in the order first added; 0 removes', async () => {
      await setCartLine(t.db, 'a', 'mug', 2);
      await setCartLine(t.db, 'a', 'beans', 1);
      await setCartLine(t.db, 'a', 'mug', 3);
      assert.deepEqual(await getCart(t.db, 'a'), [
        { productId: 'mug', quantity: 3 },
        { productId: 'beans', quantity: 1 },
      ]);
      assert.deepEqual(await setCartLine(t.db, 'a', 'mug', 0), [{ productId: 'beans', quantity: 1 }]);
    });

    test('each owner sees only its own cart', async () => {
      await setCartLine(t.db, 'b1', 'mug', 1);
      await setCartLine(t.db, 'b2', 'beans', 4);
      assert.deepEqual(await getCart(t.db, 'b1'), [{ productId: 'mug', quantity: 1 }]);
      assert.deepEqual(await getCart(t.db, 'b2'), [{ productId: 'beans', quantity: 4 }]);
    });

    test('a refusal inside updateCartLine changes nothing', async () => {
      await setCartLine(t.db, 'c', 'mug', 2);
      await assert.rejects(
        updateCartLine(t.db, 'c', 'mug', () => {
          throw new Error('too many');
        }),
        /too many/,
      );
      assert.deepEqual(await getCart(t.db, 'c'), [{ productId: 'mug', quantity: 2 }]);
    });

    test('concurrent increments of one cart are serialised: none is lost', async () => {
      await Promise.all(Array.from({ length: 8 }, () => updateCartLine(t.db, 'd', 'mug', (current) => current + 1)));
      assert.deepEqual(await getCart(t.db, 'd'), [{ productId: 'mug', quantity: 8 }]);
    });

    test('remove takes one line; empty takes them all', async () => {
      await setCartLine(t.db, 'e', 'mug', 1);
      await setCartLine(t.db, 'e', 'beans', 2);
      await removeCartLine(t.db, 'e', 'mug');
      assert.deepEqual(await getCart(t.db, 'e'), [{ productId: 'beans', quantity: 2 }]);
      await emptyCart(t.db, 'e');
      assert.deepEqual(await getCart(t.db, 'e'), []);
      await emptyCart(t.db, 'e'); // emptying an empty cart is fine
    });

    test('the database refuses a product it does not stock', async () => {
      await assert.rejects(setCartLine(t.db, 'f', 'unknown-product', 1));
      assert.deepEqual(await getCart(t.db, 'f'), []);
    });

    test("recording a paid order of products empties its buyer's cart, in the same transaction; other carts stay", async () => {
      await setCartLine(t.db, 'buyer', 'mug', 1);
      await setCartLine(t.db, 'bystander', 'mug', 1);
      await placeHolds(t.db, {
        reservationId: 'r-cart',
        lines: [{ productId: 'mug', quantity: 1 }],
        expiresAt: SOON(),
      });
      await attachSession(t.db, 'r-cart', 'cs_test_cart', SOON());
      assert.equal(
        typeof (await recordPaidOrder(t.db, paid('cs_test_cart', 'buyer'), { recordedBy: 'webhook' }))?.orderId,
        'number',
      );
      assert.deepEqual(await getCart(t.db, 'buyer'), []);
      assert.deepEqual(await getCart(t.db, 'bystander'), [{ productId: 'mug', quantity: 1 }]);
    });

    test('a paid plan (no stock sold) leaves the cart alone', async () => {
      await setCartLine(t.db, 'club', 'beans', 2);
      await recordPaidOrder(t.db, paid('cs_test_club', 'club', null), { recordedBy: 'webhook' });
      assert.deepEqual(await getCart(t.db, 'club'), [{ productId: 'beans', quantity: 2 }]);
    });
  });
}
