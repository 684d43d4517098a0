// Memory stays bounded (issue 10): the request log is a ring, idempotency keys are forgotten after 24 hours.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startLocalStripe, stripeError } from '../test-helpers';
import { RequestLog, type LoggedRequest } from '../http/request-log';

describe('the request log', () => {
  const entry = (n: number): LoggedRequest => ({ method: 'GET', path: `/v1/x/${n}`, status: 200, durationMs: 0, idempotencyKey: null, requestId: `req_${n}`, at: '' });

  it('keeps the newest entries up to its size, oldest first', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 7; n++) log.add(entry(n));
    assert.deepEqual(log.all().map((e) => e.requestId), ['req_5', 'req_6', 'req_7']);
    log.clear();
    log.add(entry(8));
    assert.deepEqual(log.all().map((e) => e.requestId), ['req_8']);
    assert.throws(() => new RequestLog(0), RangeError);
  });
});

describe('bounded by the server', () => {
  let h: Harness;
  before(async () => {
    h = await startLocalStripe({ requestLogSize: 2 });
  });
  after(() => h.close());

  it('takes the request log size as an option', async () => {
    for (let i = 0; i < 4; i++) await h.stripe.products.create({ name: `P${i}` });
    const { data } = (await h.control('GET', '/_emulator/requests')) as { data: { path: string }[] };
    assert.equal(data.length, 2);
  });

  it('forgets an idempotency key 24 hours after its first use, by the emulator clock', async () => {
    const first = await h.stripe.products.create({ name: 'Once' }, { idempotencyKey: 'day-old' });
    await h.control('POST', '/_emulator/clock/advance', { seconds: 23 * 3600 });
    const conflict = await stripeError(h.stripe.products.create({ name: 'Other' }, { idempotencyKey: 'day-old' }));
    assert.equal(conflict.type, 'StripeIdempotencyError', 'still remembered after 23 hours');
    await h.control('POST', '/_emulator/clock/advance', { seconds: 3600 });
    const fresh = await h.stripe.products.create({ name: 'Other' }, { idempotencyKey: 'day-old' });
    assert.notEqual(fresh.id, first.id, 'a new request after 24 hours');
    assert.equal(fresh.name, 'Other');
  });
});
