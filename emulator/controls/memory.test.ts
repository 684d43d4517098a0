// Memory stays bounded (issue 10): the request log is a ring, idempotency keys are forgotten after 24
// hours, and (issue 21) no more than a set number of them are kept, the least recently used going first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Clock } from '../core/clock';
import { DEFAULT_IDEMPOTENCY_MAX_KEYS, IdempotencyStore } from '../http/idempotency';
import { type Harness, startLocalStripe, stripeError } from '../test-helpers';
import { RequestLog, type LoggedRequest } from '../http/request-log';

describe('the request log', () => {
  const entry = (n: number): LoggedRequest => ({
    method: 'GET',
    path: `/v1/x/${n}`,
    status: 200,
    durationMs: 0,
    idempotencyKey: null,
    requestId: `req_${n}`,
    at: '',
  });

  it('keeps the newest entries up to its size, oldest first', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 7; n++) log.add(entry(n));
    assert.deepEqual(
      log.all().map((e) => e.requestId),
      ['req_5', 'req_6', 'req_7'],
    );
    log.clear();
    log.add(entry(8));
    assert.deepEqual(
      log.all().map((e) => e.requestId),
      ['req_8'],
    );
    assert.throws(() => new RequestLog(0), RangeError);
  });
});

describe('the idempotency store', () => {
  const saved = (n: number) => ({ status: 200, headers: {}, body: `{"n":${n}}` });
  const use = (store: IdempotencyStore, key: string, n: number) => {
    const replay = store.begin(key, `POST /v1/x ${n}`);
    if (!replay) store.finish(key, saved(n));
    return replay;
  };

  it('keeps at most its cap, forgetting the least recently used key first', () => {
    const store = new IdempotencyStore(new Clock(() => 0), 3);
    for (const [n, key] of ['a', 'b', 'c'].entries()) use(store, key, n);
    assert.equal(use(store, 'a', 0)?.body, '{"n":0}', 'a replays, and is now the most recently used');
    use(store, 'd', 3);
    assert.equal(store.size, 3);
    assert.equal(use(store, 'b', 9), null, 'b was the least recently used: forgotten, so it runs again');
    assert.equal(use(store, 'a', 0)?.body, '{"n":0}', 'a is kept');
    assert.equal(DEFAULT_IDEMPOTENCY_MAX_KEYS, 10_000);
    assert.throws(() => new IdempotencyStore(new Clock(), 0), RangeError);
  });

  it('stays flat under a soak of distinct keys with the clock standing still', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heap = () => {
      collect();
      return process.memoryUsage().heapUsed;
    };
    const store = new IdempotencyStore(new Clock(() => 0), 1000);
    const body = 'x'.repeat(2048);
    const fill = (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        store.begin(`key-${n}`, `POST /v1/x ${n}`);
        store.finish(`key-${n}`, { status: 200, headers: {}, body: `${body}${n}` });
      }
    };
    fill(0, 5_000);
    const warm = heap();
    fill(5_000, 60_000);
    const grownMiB = (heap() - warm) / 2 ** 20;
    assert.equal(store.size, 1000);
    // 55,000 more responses of 2 KiB would be over 100 MiB if kept.
    assert.ok(grownMiB < 8, `heap grew ${grownMiB.toFixed(1)} MiB`);
  });
});

describe('bounded by the server', () => {
  let h: Harness;
  before(async () => {
    h = await startLocalStripe({ requestLogSize: 2, idempotencyKeys: 2 });
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

  it('takes the number of idempotency keys kept as an option', async () => {
    await h.stripe.products.create({ name: 'First' }, { idempotencyKey: 'lru-1' });
    const conflict = await stripeError(h.stripe.products.create({ name: 'Changed' }, { idempotencyKey: 'lru-1' }));
    assert.equal(conflict.type, 'StripeIdempotencyError', 'still remembered');
    await h.stripe.products.create({ name: 'Second' }, { idempotencyKey: 'lru-2' });
    await h.stripe.products.create({ name: 'Third' }, { idempotencyKey: 'lru-3' });
    const fresh = await h.stripe.products.create({ name: 'Changed' }, { idempotencyKey: 'lru-1' });
    assert.equal(fresh.name, 'Changed', 'the oldest of three keys over a cap of two was forgotten');
  });
});
