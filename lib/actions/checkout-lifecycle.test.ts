// A browser's checkout from opening to paying, on a real local Stripe and a fresh database per engine: one open
// checkout per browser (resumed on reload, replaced by a new one), edits written through to the cart, two tabs'
// changes serialised, holds that end as Stripe's lines whatever Stripe does, and one order per paid session
// however the webhooks fare. Every test reads the state back: Stripe's session, the holds, the cart, the orders.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ORIGIN, startStorefront, tokenFor, US_ADDRESS } from '@/lib/actions/testing';

const s = await startStorefront();
const { h } = s;
after(() => h.close());

const { openCheckout } = await import('@/lib/actions/open-checkout');
const { changeCartLine, readCart } = await import('@/lib/actions/cart');
const { changeLineItemQuantity } = await import('@/lib/actions/change-line-item-quantity');
const { changeCrossSell } = await import('@/lib/actions/change-cross-sell');
const { setShippingAddress } = await import('@/lib/actions/set-shipping-address');
const { setContribution } = await import('@/lib/actions/set-contribution');
const { orderForReturnPage } = await import('@/lib/actions/find-paid-order');
const { reconcile } = await import('@/lib/jobs/reconcile');
const { bindingTag } = await import('@/lib/session-binding');
const { useDatabase } = await import('@/lib/db/client');
const { findOpenCheckout } = await import('@/lib/db/checkouts');
const { seedInventory, stockOf } = await import('@/lib/db/inventory');
const { countOrders, findOrder } = await import('@/lib/db/orders');
const { failingOnce, freshDatabase, testEngines } = await import('@/lib/db/testing');
const { OutOfStockError, PaidCheckoutError } = await import('@/lib/errors');
const { holds, inventory } = await import('@/lib/db/schema');
const { eq } = await import('drizzle-orm');

const MUG = 'ceramic-mug';
const BLEND = 'house-blend';
const open = (token: string, cart: Parameters<typeof openCheckout>[0]['cart'] = { kind: 'stored' }) =>
  openCheckout({ cart, attemptId: randomUUID(), browserToken: token, origin: ORIGIN, clientAddress: 'test' });
const lineItems = async (sessionId: string) =>
  (await h.stripe.checkout.sessions.listLineItems(sessionId, { limit: 100 })).data.map((item) => [
    item.price?.lookup_key,
    item.quantity,
  ]);

for (const engine of testEngines()) {
  describe(`a checkout's life on ${engine}`, () => {
    let t: Awaited<ReturnType<typeof freshDatabase>>;
    const sessionHolds = async (sessionId: string) =>
      (await t.db.select().from(holds).where(eq(holds.sessionId, sessionId)))
        .map((row) => [row.productId, row.quantity])
        .sort();
    before(async () => {
      t = await freshDatabase(engine);
      useDatabase(t);
      await seedInventory(t.db, [
        { id: MUG, stock: 100 },
        { id: BLEND, stock: 200 },
        { id: 'hand-grinder', stock: 25 },
        { id: 'tasting-sample', stock: 100 },
      ]);
    });
    after(() => t.dispose());

    test('reloads and a second tab resume one session: 20 opens take the cart off the shelf once', async () => {
      const token = tokenFor('reloader');
      await changeCartLine(token, { productId: MUG, quantity: 2 });
      const before = await stockOf(t.db, MUG);
      const first = await open(token);
      assert.equal(first.resumed, false);
      // Two tabs at once, then twenty reloads one after another.
      const again = await Promise.all([open(token), open(token)]);
      for (let reload = 0; reload < 20; reload += 1) again.push(await open(token));
      assert.deepEqual(new Set(again.map((opened) => opened.id)), new Set([first.id]));
      assert.deepEqual(await stockOf(t.db, MUG), { stock: before.stock, held: before.held + 2 });
      assert.equal((await h.stripe.checkout.sessions.retrieve(first.id)).status, 'open');
    });

    test('a "Buy now" link replaces the open checkout: the earlier one is expired at Stripe and its units released', async () => {
      const token = tokenFor('switcher');
      await changeCartLine(token, { productId: MUG, quantity: 3 });
      const fromCart = await open(token);
      const held = (await stockOf(t.db, MUG)).held;
      const buyNow = await open(token, { kind: 'products', items: [{ productId: BLEND, quantity: 1 }] });
      assert.notEqual(buyNow.id, fromCart.id);
      assert.equal((await h.stripe.checkout.sessions.retrieve(fromCart.id)).status, 'expired');
      assert.equal((await stockOf(t.db, MUG)).held, held - 3);
      assert.equal((await findOpenCheckout(t.db, bindingTag(token), 'payment'))?.sessionId, buyNow.id);
    });

    test('edits at checkout reach the cart, and cart edits reach the open checkout', async () => {
      const token = tokenFor('writer');
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      const session = await open(token);
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      await changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 3 });
      assert.deepEqual(
        (await readCart(token)).lines.map((cartLine) => [cartLine.productId, cartLine.quantity]),
        [[MUG, 3]],
      );
      await changeCrossSell({ sessionId: session.id, browserToken: token, productId: BLEND, action: 'add' });
      await changeCartLine(token, { productId: BLEND, quantity: 4 });
      // The gift joins past its threshold (3 × $22 + 4 × $18 = $138): the rule's line, not the cart's.
      assert.deepEqual(await lineItems(session.id), [
        ['ceramic_mug', 3],
        ['house_blend_340g', 4],
        ['tasting_sample', 1],
      ]);
      assert.deepEqual(await sessionHolds(session.id), [
        [MUG, 3],
        [BLEND, 4],
        ['tasting-sample', 1],
      ]);
      assert.deepEqual(
        (await readCart(token)).lines.map((cartLine) => [cartLine.productId, cartLine.quantity]),
        [
          [MUG, 3],
          [BLEND, 4],
        ],
      );
      assert.equal((await open(token)).id, session.id, 'the reopened checkout is the same one, showing the edits');
    });

    test("two tabs' concurrent changes land one after the other, neither lost", async () => {
      const token = tokenFor('two-tabs');
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      await changeCartLine(token, { productId: BLEND, quantity: 1 });
      const session = await open(token);
      const [mugLine, blendLine] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      await h.control('POST', '/_emulator/faults', {
        method: 'POST',
        path: `/v1/checkout/sessions/${session.id}`,
        count: 1,
        kind: 'delay',
        delayMs: 300,
      });
      await Promise.all([
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: mugLine!.id, quantity: 2 }),
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: blendLine!.id, quantity: 5 }),
      ]);
      assert.deepEqual(await lineItems(session.id), [
        ['ceramic_mug', 2],
        ['house_blend_340g', 5],
        ['tasting_sample', 1],
      ]);
      assert.deepEqual(await sessionHolds(session.id), [
        [MUG, 2],
        [BLEND, 5],
        ['tasting-sample', 1],
      ]);
    });

    test('Stripe refusing an update: nothing changes, the holds and the cart stay as Stripe holds them', async () => {
      const token = tokenFor('refused');
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      const session = await open(token);
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      await h.control('POST', '/_emulator/faults', {
        method: 'POST',
        path: `/v1/checkout/sessions/${session.id}`,
        count: 2,
        kind: 'error_500',
      });
      await assert.rejects(
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 4 }),
      );
      assert.deepEqual(await lineItems(session.id), [['ceramic_mug', 1]]);
      assert.deepEqual(await sessionHolds(session.id), [[MUG, 1]]);
      assert.deepEqual(
        (await readCart(token)).lines.map((cartLine) => cartLine.quantity),
        [1],
      );
    });

    test('Stripe answering after the client gave up: the update is read back, and the holds follow what landed', async () => {
      const token = tokenFor('slow');
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      const session = await open(token);
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      // Past the client's 4 s timeout: the SDK's one retry meets the same fate, and the first update lands late.
      await h.control('POST', '/_emulator/faults', {
        method: 'POST',
        path: `/v1/checkout/sessions/${session.id}`,
        count: 2,
        kind: 'delay',
        delayMs: 4_500,
      });
      await changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 2 });
      assert.deepEqual(await lineItems(session.id), [['ceramic_mug', 2]]);
      assert.deepEqual(await sessionHolds(session.id), [[MUG, 2]]);
    });

    test('a change over the stock is refused before Stripe is called, naming what is left', async () => {
      const token = tokenFor('greedy');
      await changeCartLine(token, { productId: 'hand-grinder', quantity: 1 });
      const session = await open(token);
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      const { stock, held } = await stockOf(t.db, 'hand-grinder');
      const setStock = (units: number) =>
        t.db.update(inventory).set({ stock: units }).where(eq(inventory.productId, 'hand-grinder'));
      await setStock(held); // every grinder on the shelf is held now: this session's one, and the others'
      await assert.rejects(
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 2 }),
        (error: unknown) => {
          assert.ok(error instanceof OutOfStockError);
          assert.equal(error.publicMessage, 'Only 1 of Hand grinder left. Please lower the quantity.'); // its own one counts
          return true;
        },
      );
      assert.deepEqual(await lineItems(session.id), [
        ['hand_grinder', 1],
        ['tasting_sample', 1],
      ]);
      assert.deepEqual(await sessionHolds(session.id), [
        ['hand-grinder', 1],
        ['tasting-sample', 1],
      ]);
      await setStock(stock);
    });

    test('paid with every webhook lost: the return page records the one order; webhook and reconciler later add nothing', async () => {
      const token = tokenFor('returner');
      await changeCartLine(token, { productId: MUG, quantity: 2 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS });
      const before = await stockOf(t.db, MUG);
      await s.pay(session);
      // A line added after Pay was pressed: too late for the session, so it stays in the cart.
      await changeCartLine(token, { productId: BLEND, quantity: 1 });
      const view = await orderForReturnPage(session.id, token);
      assert.equal(view.kind, 'order');
      assert.equal(await s.deliver(await s.eventFor('checkout.session.completed', session.id)), 200);
      await reconcile();
      assert.equal(await countOrders(t.db, session.id), 1);
      const order = await findOrder(t.db, session.id);
      const stripeSession = await h.stripe.checkout.sessions.retrieve(session.id);
      assert.equal(order?.amountTotal, stripeSession.amount_total);
      assert.deepEqual(
        order?.items.map((item) => [item.productId, item.quantity]),
        [[MUG, 2]],
      );
      assert.equal(order?.items[0]?.amountTotal, 4400 + order!.items[0]!.amountTax);
      // Stock fell by what was charged; the session's holds went with it.
      assert.deepEqual(await stockOf(t.db, MUG), { stock: before.stock - 2, held: before.held - 2 });
      assert.deepEqual(
        (await readCart(token)).lines.map((cartLine) => [cartLine.productId, cartLine.quantity]),
        [[BLEND, 1]],
      );
    });

    test('the database failing after Stripe took an update: the larger hold stays, and stock falls by what was charged', async () => {
      const token = tokenFor('db-down');
      await changeCartLine(token, { productId: MUG, quantity: 3 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS });
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      const { stock } = await stockOf(t.db, MUG);
      useDatabase(failingOnce(t, 'lease_gone')); // the settling statement, after Stripe's answer
      await assert.rejects(
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 1 }),
      );
      useDatabase(t);
      assert.deepEqual(await lineItems(session.id), [['ceramic_mug', 1]], 'Stripe took the update');
      assert.deepEqual(
        await sessionHolds(session.id),
        [[MUG, 3]],
        'the larger of before and after is still held: nothing oversold',
      );
      await s.pay(session);
      assert.equal((await orderForReturnPage(session.id, token)).kind, 'order');
      assert.deepEqual(
        (await findOrder(t.db, session.id))?.items.map((item) => [item.productId, item.quantity]),
        [[MUG, 1]],
      );
      assert.deepEqual(await stockOf(t.db, MUG), { stock: stock - 1, held: (await stockOf(t.db, MUG)).held });
      assert.deepEqual(await sessionHolds(session.id), []);
    });

    test('the contribution: priced on the paid subtotal, untaxed, re-priced by a cart change, its own order line', async () => {
      const token = tokenFor('giver');
      await changeCartLine(token, { productId: MUG, quantity: 2 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS }); // New York: sales tax
      await setContribution({ sessionId: session.id, browserToken: token, percent: 2 });
      const contributionLine = async () =>
        (await h.stripe.checkout.sessions.listLineItems(session.id, { limit: 100 })).data.find(
          (item) => item.metadata?.storefront_line === 'contribution',
        );
      assert.deepEqual([(await contributionLine())?.amount_subtotal, (await contributionLine())?.amount_tax], [88, 0]);
      const [mugLine] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      await changeLineItemQuantity({
        sessionId: session.id,
        browserToken: token,
        lineItemId: mugLine!.id,
        quantity: 3,
      });
      assert.equal((await contributionLine())?.amount_subtotal, 132, '2 % of $66.00');
      assert.deepEqual(await sessionHolds(session.id), [[MUG, 3]], 'the contribution holds no stock');
      assert.deepEqual(
        (await readCart(token)).lines.map((line) => [line.productId, line.quantity]),
        [[MUG, 3]],
        'nor is it a cart line',
      );
      await s.pay(session);
      assert.equal((await orderForReturnPage(session.id, token)).kind, 'order');
      const order = await findOrder(t.db, session.id);
      assert.deepEqual(
        order?.items.map((item) => [item.productId, item.quantity, item.amountSubtotal, item.amountTax]),
        [
          [MUG, 3, 6600, Math.round(6600 * 0.08875)],
          [null, 1, 132, 0],
        ],
      );
      await setContribution({ sessionId: session.id, browserToken: token, percent: 5 }).then(
        () => assert.fail('a paid checkout cannot change'),
        (error: unknown) => assert.ok(error instanceof PaidCheckoutError),
      );
    });

    test('a paid session whose buyer never returns is recorded by the reconciler, once', async () => {
      const token = tokenFor('wanderer');
      await changeCartLine(token, { productId: BLEND, quantity: 3 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS });
      await s.pay(session);
      assert.equal(await countOrders(t.db, session.id), 0);
      const first = await reconcile();
      assert.ok(first.recorded >= 1);
      await reconcile();
      assert.equal(await countOrders(t.db, session.id), 1);
      assert.equal((await findOrder(t.db, session.id))?.recordedBy, 'reconcile');
      assert.deepEqual((await readCart(token)).lines, []);
    });

    test('a change that loses the race to payment answers "This checkout has been paid." and changes nothing', async () => {
      const token = tokenFor('racer');
      await changeCartLine(token, { productId: MUG, quantity: 1 });
      const session = await open(token);
      await setShippingAddress({ sessionId: session.id, browserToken: token, shipping: US_ADDRESS });
      const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
      await s.pay(session);
      await assert.rejects(
        changeLineItemQuantity({ sessionId: session.id, browserToken: token, lineItemId: line!.id, quantity: 2 }),
        (error: unknown) => {
          assert.ok(error instanceof PaidCheckoutError);
          assert.equal(error.publicMessage, 'This checkout has been paid.');
          return true;
        },
      );
      assert.deepEqual(await lineItems(session.id), [['ceramic_mug', 1]]);
    });
  });
}
