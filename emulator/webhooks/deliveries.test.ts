// Delivery attempts are recorded (status code or network error, attempt number), a redelivery sends the
// same event to one endpoint, and pending_webhooks falls once per endpoint however often it succeeds.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { DeliveryAttempt } from './deliveries';
import { DeliveryLog } from './deliveries';
import {
  createPaymentSession,
  type Harness,
  refusedUrl,
  seedCatalog,
  startLocalStripe,
  startWebhookReceiver,
} from '../test-helpers';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

before(async () => {
  h = await startLocalStripe({ webhookRetryDelaysMs: [10] });
  receiver = await startWebhookReceiver();
  receiver.status = 500;
});
after(async () => {
  await h.close();
  receiver.close();
});

const deliveries = async () => (await h.control('GET', '/_emulator/deliveries')).data as DeliveryAttempt[];
async function until(done: () => Promise<boolean>) {
  for (let tries = 0; tries < 200; tries++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('timed out waiting');
}

it('records each attempt, retries, and a redelivery to one endpoint lowers pending_webhooks once', async () => {
  const good = await h.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ['checkout.session.expired'],
  });
  const dead = await h.stripe.webhookEndpoints.create({
    url: await refusedUrl(),
    enabled_events: ['checkout.session.expired'],
  });
  const { tee } = await seedCatalog(h.stripe);
  const session = await createPaymentSession(h.stripe, { line_items: [{ price: tee.id, quantity: 1 }] });
  await h.stripe.checkout.sessions.expire(session.id);
  const [event] = (await h.stripe.events.list({ type: 'checkout.session.expired' })).data;
  assert.ok(event);
  await until(async () => (await deliveries()).length === 4);
  const byEndpoint = (id: string) =>
    deliveries().then((all) => all.filter((a) => a.endpointId === id).map((a) => [a.attempt, a.status, a.error]));
  assert.deepEqual(await byEndpoint(good.id), [
    [1, 500, 'HTTP 500'],
    [2, 500, 'HTTP 500'],
  ]);
  assert.deepEqual(await byEndpoint(dead.id), [
    [1, null, 'ECONNREFUSED'],
    [2, null, 'ECONNREFUSED'],
  ]);
  assert.equal((await h.stripe.events.retrieve(event.id)).pending_webhooks, 2);

  receiver.status = 200;
  for (let round = 0; round < 2; round++) {
    const redelivered = await h.control('POST', `/_emulator/events/${event.id}/redeliver`, { endpoint: good.id });
    assert.deepEqual(
      (redelivered.data as DeliveryAttempt[]).map((a) => [a.endpointId, a.status, a.redelivery]),
      [[good.id, 200, true]],
    );
  }
  assert.deepEqual(receiver.received, [event.id, event.id, event.id, event.id], 'the same event each time');
  assert.equal((await h.stripe.events.retrieve(event.id)).pending_webhooks, 1, 'the dead endpoint is still pending');
});

it('refuses to redeliver an unknown event', async () => {
  const res = await fetch(`${h.url}/_emulator/events/evt_nope/redeliver`, { method: 'POST' });
  assert.equal(res.status, 404);
  assert.match(((await res.json()) as { error: { message: string } }).error.message, /No such event: 'evt_nope'/);
});

it('keeps the newest attempts only', () => {
  const log = new DeliveryLog(2);
  for (const eventId of ['evt_1', 'evt_2', 'evt_3']) {
    log.add({
      eventId,
      endpointId: 'we_1',
      url: 'x',
      attempt: 1,
      redelivery: false,
      at: '',
      status: 200,
      ok: true,
      error: null,
    });
  }
  assert.deepEqual(
    log.all().map((a) => a.eventId),
    ['evt_2', 'evt_3'],
  );
  assert.deepEqual(log.of('evt_1'), []);
});
