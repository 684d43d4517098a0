// A cart's units through the whole of a checkout, on the local Stripe and a fresh database: held at
// creation, sold once by the completed event however often it comes, released on expiry, never left held
// when Stripe fails. Drives the real action and the real webhook route; reads the state back.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ORIGIN, startStorefront } from '@/lib/actions/testing';

// The local Stripe is started once per process: the app's Stripe client is built from the environment once.
const storefront = await startStorefront();
const { h, deliver } = storefront;
after(() => h.close());

const { openCheckout } = await import('@/lib/actions/open-checkout');
const createCheckoutSession = (
  cart: { kind: 'products'; items: Array<{ productId: string; quantity: number }> },
  attemptId: string,
  browserToken: string,
  origin: string,
) => openCheckout({ cart, attemptId, browserToken, origin, clientAddress: 'test' });
const { setShippingAddress } = await import('@/lib/actions/set-shipping-address');
const { useDatabase } = await import('@/lib/db/client');
const { seedInventory, stockOf } = await import('@/lib/db/inventory');
const { countOrders, findOrder } = await import('@/lib/db/orders');
const { freshDatabase, testEngines } = await import('@/lib/db/testing');
const { OutOfStockError } = await import('@/lib/errors');

const MUG = 'ceramic-mug';
const PAID_TOKEN = 'paid-'.padEnd(43, 'x'); // a browser token's shape (lib/session-binding.ts)
const mugs = (quantity: number) => ({ kind: 'products' as const, items: [{ productId: MUG, quantity }] });

for (const engine of testEngines()) {
  describe(`a checkout's stock on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      t = await freshDatabase(engine);
      useDatabase(t);
      await seedInventory(t.db, [
        { id: MUG, stock: 5 },
        { id: 'house-blend', stock: 100 },
        { id: 'hand-grinder', stock: 100 },
      ]);
    });
    after(() => t.dispose());

    test('a paid session is sold once: a replayed completed event creates one order and decrements stock once', async () => {
      const before = await stockOf(t.db, MUG);
      const attemptId = randomUUID();
      const session = await createCheckoutSession(mugs(2), attemptId, PAID_TOKEN, ORIGIN);
      assert.equal((await stockOf(t.db, MUG)).held, before.held + 2);
      // A retried create (same attempt, same cart) gets the same session and holds nothing more.
      assert.equal((await createCheckoutSession(mugs(2), attemptId, PAID_TOKEN, ORIGIN)).id, session.id);
      assert.equal((await stockOf(t.db, MUG)).held, before.held + 2);

      // Where it goes (the server sets it: the session's permissions refuse the browser), with shipping and tax.
      const shipping = {
        name: 'Ada Buyer',
        address: { line1: '1 Main St', line2: null, city: 'Albany', state: 'NY', postalCode: '12207', country: 'US' },
      };
      await setShippingAddress({ sessionId: session.id, browserToken: PAID_TOKEN, shipping });

      await storefront.pay(session);
      const completed = await storefront.eventFor('checkout.session.completed', session.id);

      assert.equal(await deliver(completed), 200);
      assert.equal(await deliver(completed), 200); // the replay is acknowledged
      // Another event about the same session (a different id) does not make a second order either.
      assert.equal(
        await deliver({ ...completed, id: 'evt_async_same_session', type: 'checkout.session.async_payment_succeeded' }),
        200,
      );

      assert.equal(await countOrders(t.db, session.id), 1);
      assert.deepEqual(await stockOf(t.db, MUG), { stock: before.stock - 2, held: before.held });
      const order = await findOrder(t.db, session.id);
      assert.equal(order?.email, 'buyer@example.com');
      assert.equal(order?.currency, 'usd');
      assert.deepEqual(
        order?.items.map((item) => item.quantity),
        [2],
      );
      const stripeSession = await h.stripe.checkout.sessions.retrieve(session.id);
      assert.equal(order?.amountTotal, stripeSession.amount_total);
      assert.equal(order?.amountShipping, stripeSession.total_details?.amount_shipping);
      assert.equal(order?.amountShipping, 600);
      assert.equal(order?.amountTax, Math.round(2 * 2200 * 0.08875));
      assert.equal(order?.amountTax, stripeSession.total_details?.amount_tax);
      assert.equal(order?.shipping?.address?.postalCode, '12207');
    });

    test('out of stock: a 409 naming the product and what is left; nothing held, no Stripe session', async () => {
      const { stock, held } = await stockOf(t.db, MUG);
      const sessionsBefore = (await h.stripe.checkout.sessions.list({ limit: 100 })).data.length;
      await assert.rejects(
        createCheckoutSession(mugs(stock - held + 1), randomUUID(), 'token-short', ORIGIN),
        (error: unknown) => {
          assert.ok(error instanceof OutOfStockError);
          assert.equal(error.status, 409);
          assert.equal(error.publicMessage, `Only ${stock - held} of Ceramic mug left. Please lower the quantity.`);
          return true;
        },
      );
      assert.equal((await stockOf(t.db, MUG)).held, held);
      assert.equal((await h.stripe.checkout.sessions.list({ limit: 100 })).data.length, sessionsBefore);
    });

    test('a Stripe failure during creation leaves no hold', async () => {
      const { held } = await stockOf(t.db, MUG);
      // Every try fails (the SDK retries once).
      await h.control('POST', '/_emulator/faults', {
        method: 'POST',
        path: '/v1/checkout/sessions',
        count: 2,
        kind: 'error_500',
      });
      await assert.rejects(createCheckoutSession(mugs(1), randomUUID(), 'token-fail', ORIGIN));
      await h.control('DELETE', '/_emulator/faults');
      assert.equal((await stockOf(t.db, MUG)).held, held);
    });

    test("an expired session's holds are released by checkout.session.expired", async () => {
      const { held } = await stockOf(t.db, MUG);
      const session = await createCheckoutSession(mugs(1), randomUUID(), 'token-expire', ORIGIN);
      assert.equal((await stockOf(t.db, MUG)).held, held + 1);
      // Expired at Stripe (the expire call emits the same event as its time running out) rather than by moving the
      // local Stripe's clock, which this process's other engine would then be out of step with.
      await h.stripe.checkout.sessions.expire(session.id);
      const events = await h.stripe.events.list({ type: 'checkout.session.expired', limit: 100 });
      const expired = events.data.find((event) => (event.data.object as { id: string }).id === session.id);
      assert.ok(expired, 'the local Stripe emitted checkout.session.expired');
      assert.equal(await deliver(expired), 200);
      assert.equal((await stockOf(t.db, MUG)).held, held);
    });
  });
}
