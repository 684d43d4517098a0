// The list filters a reconciler uses (issue 18): events by type and creation time (an event's `created`
// is when it happened, on the emulator clock), by delivery success; Checkout Sessions by creation time,
// status and the buyer's email. Through the official SDK, as the storefront calls them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  paySession,
  refusedUrl,
  seedCatalog,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

let h: Harness;
let c: Catalog;
let early: Stripe.Checkout.Session;
let paid: Stripe.Checkout.Session;
let paidAt: number;

before(async () => {
  // No retries: an undeliverable event stays pending at once.
  h = await startLocalStripe({ webhookRetryDelaysMs: [] });
  c = await seedCatalog(h.stripe);
  // A dead endpoint: every completion event's delivery fails.
  await h.stripe.webhookEndpoints.create({ url: await refusedUrl(), enabled_events: ['checkout.session.completed'] });
  early = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
  await h.control('POST', '/_emulator/clock/advance', { seconds: 600 });
  const { now } = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })) as { now: number };
  paidAt = now;
  assert.equal((await paySession(h, early)).status, 200);
  paid = await createPaymentSession(h.stripe, { line_items: [{ price: c.mug.id, quantity: 2 }] });
  await paySession(h, paid);
  // Wait for the refused deliveries to be recorded.
  for (let tries = 0; tries < 100; tries++) {
    if (((await h.control('GET', '/_emulator/deliveries')).data as unknown[]).length >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
after(() => h.close());

const sessionOf = (event: Stripe.Event) => (event.data.object as { id: string }).id;

describe('GET /v1/events filters', () => {
  it('type and created[gte]: the completion of a session made before the window is in it, dated when it completed', async () => {
    const events = await h.stripe.events.list({ type: 'checkout.session.completed', created: { gte: paidAt } });
    assert.deepEqual(events.data.map(sessionOf).sort(), [early.id, paid.id].sort());
    const completion = events.data.find((event) => sessionOf(event) === early.id);
    assert.ok(
      completion && completion.created >= early.created + 600,
      'created is the completion time on the emulator clock',
    );
    const before = await h.stripe.events.list({ type: 'checkout.session.completed', created: { lt: paidAt } });
    assert.deepEqual(before.data, []);
    const exact = await h.stripe.events.list({ type: 'checkout.session.completed', created: completion.created });
    assert.ok(exact.data.some((event) => event.id === completion.id));
  });

  it('gt, lte and a wildcard type', async () => {
    const all = await h.stripe.events.list({ type: 'checkout.session.*', limit: 100 });
    assert.ok(all.data.length >= 2 && all.data.every((event) => event.type.startsWith('checkout.session.')));
    const newest = Math.max(...all.data.map((event) => event.created));
    assert.deepEqual((await h.stripe.events.list({ type: 'checkout.session.*', created: { gt: newest } })).data, []);
    assert.equal(
      (await h.stripe.events.list({ type: 'checkout.session.*', created: { lte: newest }, limit: 100 })).data.length,
      all.data.length,
    );
  });

  it('types[] takes exact names; type and types together are refused', async () => {
    const events = await h.stripe.events.list({
      types: ['payment_intent.succeeded', 'checkout.session.completed'],
      limit: 100,
    });
    assert.deepEqual([...new Set(events.data.map((event) => event.type))].sort(), [
      'checkout.session.completed',
      'payment_intent.succeeded',
    ]);
    const err = await stripeError(
      h.stripe.events.list({ type: 'checkout.session.completed', types: ['payment_intent.succeeded'] }),
    );
    assert.equal(err.statusCode, 400);
    assert.equal(err.code, 'parameters_exclusive');
    const bad = await stripeError(h.stripe.events.list({ created: { after: 5 } as never }));
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.param, 'created[after]');
  });

  it('delivery_success: false lists the events still pending at an endpoint, true the others', async () => {
    const failed = await h.stripe.events.list({ delivery_success: false, limit: 100 });
    assert.deepEqual(failed.data.map(sessionOf).sort(), [early.id, paid.id].sort());
    assert.ok(failed.data.every((event) => event.pending_webhooks > 0));
    const delivered = await h.stripe.events.list({ delivery_success: true, limit: 100 });
    assert.ok(delivered.data.length > 0 && delivered.data.every((event) => event.pending_webhooks === 0));
  });
});

describe('GET /v1/checkout/sessions filters', () => {
  it('created, status and customer_details[email]', async () => {
    const open = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 3 }] });
    const since = await h.stripe.checkout.sessions.list({ created: { gte: paidAt } });
    assert.deepEqual(since.data.map((s) => s.id).sort(), [paid.id, open.id].sort());
    const complete = await h.stripe.checkout.sessions.list({ status: 'complete' });
    assert.deepEqual(complete.data.map((s) => s.id).sort(), [early.id, paid.id].sort());
    const byEmail = await h.stripe.checkout.sessions.list({
      customer_details: { email: 'buyer@example.com' },
      created: { lt: paidAt },
    });
    assert.deepEqual(
      byEmail.data.map((s) => s.id),
      [early.id],
    );
    assert.deepEqual(
      (await h.stripe.checkout.sessions.list({ customer_details: { email: 'nobody@example.com' } })).data,
      [],
    );
  });
});
