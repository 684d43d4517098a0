import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  createPaymentSession,
  type Catalog,
  type Harness,
  paySession,
  seedCatalog,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

type Received = { body: string; signature: string };

let h: Harness;
let c: Catalog;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 0;
const SECRET = 'whsec_test_local_stripe';

before(async () => {
  h = await startLocalStripe({ webhookSecret: SECRET, webhookRetryDelaysMs: [50, 50, 50] });
  c = await seedCatalog(h.stripe);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ body, signature: String(req.headers['stripe-signature']) });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
});
after(async () => {
  await h.close();
  receiver.close();
});

async function waitFor<T>(find: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pay = (session: Stripe.Checkout.Session) => paySession(h, session);

describe('webhook endpoints', () => {
  it('creates (returning the signing secret), lists, retrieves and deletes', async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/none',
      enabled_events: ['charge.succeeded'],
    });
    assert.equal(endpoint.secret, SECRET);
    assert.equal(endpoint.status, 'enabled');
    assert.ok((await h.stripe.webhookEndpoints.list()).data.some((e) => e.id === endpoint.id));
    assert.equal((await h.stripe.webhookEndpoints.retrieve(endpoint.id)).url, 'http://127.0.0.1:9/none');
    const deleted = await h.stripe.webhookEndpoints.del(endpoint.id);
    assert.equal(deleted.deleted, true);
    const err = await stripeError(h.stripe.webhookEndpoints.retrieve(endpoint.id));
    assert.equal(err.statusCode, 404);
  });
});

describe('webhook delivery', () => {
  it('POSTs signed events that stripe.webhooks.constructEvent accepts, retrying failures', async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: receiverUrl,
      enabled_events: ['checkout.session.completed', 'payment_intent.succeeded', 'checkout.session.expired'],
    });
    failuresLeft = 2;
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    assert.equal((await pay(s)).status, 200);

    const completed = await waitFor(() =>
      received
        .map((r) => ({ r, event: h.stripe.webhooks.constructEvent(r.body, r.signature, SECRET) }))
        .find((x) => x.event.type === 'checkout.session.completed'),
    );
    const session = completed.event.data.object as Stripe.Checkout.Session;
    assert.equal(session.id, s.id);
    assert.equal(session.status, 'complete');
    assert.equal(completed.event.api_version, Stripe.API_VERSION);
    assert.match(completed.event.request?.id ?? '', /^req_/);
    await waitFor(() => received.find((r) => JSON.parse(r.body).type === 'payment_intent.succeeded'));
    assert.ok(!received.some((r) => JSON.parse(r.body).type === 'customer.created'), 'only enabled events are sent');
    assert.throws(() => h.stripe.webhooks.constructEvent(completed.r.body, completed.r.signature, 'whsec_other'));

    // The stored event's pending_webhooks falls to 0 once delivered.
    const stored = await h.stripe.events.retrieve(completed.event.id);
    assert.equal(stored.pending_webhooks, 0);

    await h.stripe.checkout.sessions.expire(
      (await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] })).id,
    );
    const expired = await waitFor(() => received.find((r) => JSON.parse(r.body).type === 'checkout.session.expired'));
    assert.equal(
      h.stripe.webhooks.constructEvent(expired.body, expired.signature, SECRET).type,
      'checkout.session.expired',
    );
    await h.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('a delivery that never succeeds stays in pending_webhooks after the last retry', async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: receiverUrl,
      enabled_events: ['checkout.session.completed'],
    });
    failuresLeft = 100;
    const s = await createPaymentSession(h.stripe, { line_items: [{ price: c.tee.id, quantity: 1 }] });
    assert.equal((await pay(s)).status, 200);
    const event = (await h.stripe.events.list({ type: 'checkout.session.completed', limit: 1 })).data[0]!;
    assert.equal((event.data.object as Stripe.Checkout.Session).id, s.id);
    // One first attempt and three retries 50 ms apart, all refused.
    await waitFor(() => (failuresLeft <= 96 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await h.stripe.events.retrieve(event.id)).pending_webhooks, 1);
    failuresLeft = 0;
    await h.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('lists events newest first and filters by type with wildcards', async () => {
    const all = await h.stripe.events.list({ type: 'checkout.session.*' });
    assert.ok(all.data.length >= 2);
    assert.ok(all.data.every((e) => e.type.startsWith('checkout.session.')));
    assert.ok(all.data[0]!.created >= all.data.at(-1)!.created);
  });
});
