// The scheduled jobs against a real local Stripe and a fresh database per engine, with every webhook lost (no
// endpoint is registered): the sweep ends what outlived its time, the reconciler records what was paid, and
// running either again changes nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ORIGIN, startStorefront, tokenFor, US_ADDRESS } from '@/lib/actions/testing';

const s = await startStorefront();
const { h } = s;
after(() => h.close());

const { openCheckout } = await import('@/lib/actions/open-checkout');
const { changeCartLine } = await import('@/lib/actions/cart');
const { setShippingAddress } = await import('@/lib/actions/set-shipping-address');
const { sweep } = await import('@/lib/jobs/sweep');
const { reconcile } = await import('@/lib/jobs/reconcile');
const { useDatabase } = await import('@/lib/db/client');
const { findCheckout } = await import('@/lib/db/checkouts');
const { seedInventory, stockOf } = await import('@/lib/db/inventory');
const { countOrders } = await import('@/lib/db/orders');
const { holds } = await import('@/lib/db/schema');
const { freshDatabase, testEngines } = await import('@/lib/db/testing');
const { eq } = await import('drizzle-orm');

const MUG = 'ceramic-mug';
const HOUR = 3600_000;
const open = (token: string) =>
  openCheckout({
    cart: { kind: 'stored' },
    attemptId: randomUUID(),
    browserToken: token,
    origin: ORIGIN,
    clientAddress: 'test',
  });

for (const engine of testEngines()) {
  describe(`scheduled jobs on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    const holdRows = async (sessionId: string) => t.db.select().from(holds).where(eq(holds.sessionId, sessionId));
    before(async () => {
      t = await freshDatabase(engine);
      useDatabase(t);
      await seedInventory(t.db, [
        { id: MUG, stock: 50 },
        { id: 'tasting-sample', stock: 50 },
      ]);
    });
    after(() => t.dispose());

    test('with the expiry webhook lost, the sweep expires the session at Stripe and deletes its holds; a second sweep changes nothing', async () => {
      const token = tokenFor(`sweep-${engine}`);
      await changeCartLine(token, { productId: MUG, quantity: 2 });
      const session = await open(token);
      assert.equal((await holdRows(session.id)).length, 1);
      const held = (await stockOf(t.db, MUG)).held;
      // An hour on, for the store: the session's 30 minutes (and its holds') are up.
      const later = new Date(Date.now() + HOUR);
      const first = await sweep(later);
      assert.ok(first.expired >= 1);
      assert.equal((await h.stripe.checkout.sessions.retrieve(session.id)).status, 'expired');
      assert.deepEqual(await holdRows(session.id), []);
      assert.equal((await findCheckout(t.db, session.id))?.status, 'expired');
      assert.equal((await stockOf(t.db, MUG, later)).held, 0);
      assert.equal((await stockOf(t.db, MUG)).held, held - 2);
      const second = await sweep(later);
      assert.deepEqual({ ...second, holdsDeleted: 0 }, { expired: 0, paid: 0, failed: 0, holdsDeleted: 0 });
    });

    test('a session paid just before its time was up is recorded by the sweep, not released', async () => {
      const token = tokenFor(`late-payer-${engine}`);
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS });
      await s.pay(session);
      const result = await sweep(new Date(Date.now() + HOUR));
      assert.equal(result.paid, 1);
      assert.equal(await countOrders(t.db, session.id), 1);
      assert.equal((await findCheckout(t.db, session.id))?.status, 'complete');
      await reconcile();
      assert.equal(await countOrders(t.db, session.id), 1);
    });

    test('the reconciler leaves sessions this store did not make alone', async () => {
      const foreign = await h.stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'elements' as never,
        return_url: `${ORIGIN}/checkout/return?session_id={CHECKOUT_SESSION_ID}`,
        line_items: [
          { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Another store' } }, quantity: 1 },
        ],
      });
      await s.pay({ id: foreign.id, clientSecret: foreign.client_secret! });
      await reconcile();
      assert.equal(await countOrders(t.db, foreign.id), 0);
    });
  });
}
