import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalStripe } from '../server';
import { Latency, latencyFromEnv, parseLatency } from './latency';

const get = (path: string, headers: Record<string, string> = { Authorization: 'Bearer sk_test_latency' }) => ({
  method: 'GET',
  path,
  headers,
  body: '',
});

describe('the latency setting', () => {
  it('parses a number, a range and none, and refuses anything else', () => {
    assert.deepEqual(parseLatency(150), { min: 150, max: 150 });
    assert.deepEqual(parseLatency('150-400'), { min: 150, max: 400 });
    assert.deepEqual(parseLatency(''), { min: 0, max: 0 });
    for (const bad of ['abc', '400-150', '-5', '1.5', '10-', '70000'])
      assert.throws(() => parseLatency(bad), /latency must be milliseconds/, bad);
  });

  it('draws a range from a seeded sequence: the same seed repeats, another differs, all within the range', () => {
    const draw = (seed: number) => {
      const latency = new Latency('150-400', seed);
      return Array.from({ length: 50 }, () => latency.next());
    };
    const first = draw(7);
    assert.deepEqual(draw(7), first);
    assert.notDeepEqual(draw(8), first);
    assert.ok(first.every((ms) => Number.isInteger(ms) && ms >= 150 && ms <= 400));
    assert.ok(new Set(first).size > 10, 'the delays vary');
  });

  it('reads STRIPE_EMULATOR_LATENCY_MS and _SEED, refusing a bad value at start', () => {
    assert.deepEqual(latencyFromEnv({ STRIPE_EMULATOR_LATENCY_MS: '150-400', STRIPE_EMULATOR_LATENCY_SEED: '3' }), {
      latencyMs: '150-400',
      latencySeed: 3,
    });
    assert.deepEqual(latencyFromEnv({}), { latencyMs: '0', latencySeed: 1 });
    assert.throws(() => latencyFromEnv({ STRIPE_EMULATOR_LATENCY_MS: 'slow' }), /latency must be milliseconds/);
    assert.throws(() => latencyFromEnv({ STRIPE_EMULATOR_LATENCY_SEED: 'x' }), /SEED must be an integer/);
  });
});

describe('latency on the local Stripe (in-process)', () => {
  it('delays every /v1 answer by at least the setting, and the control changes it at run time', async () => {
    const local = createLocalStripe({ latencyMs: 120 });
    let started = performance.now();
    const res = await local.handle(get('/v1/products'));
    assert.equal(res.status, 200);
    assert.ok(performance.now() - started >= 115, 'the answer waited out the latency');

    started = performance.now();
    await local.handle(get('/v1/nothing-here'));
    assert.ok(performance.now() - started >= 115, 'a 404 under /v1 is delayed too');

    const set = await local.handle({
      method: 'POST',
      path: '/_emulator/latency',
      headers: {},
      body: JSON.stringify({ ms: '200-250' }),
    });
    assert.equal(set.status, 200);
    const shown = JSON.parse((await local.handle(get('/_emulator/latency', {}))).body) as {
      ms: string;
      min: number;
      max: number;
    };
    assert.deepEqual([shown.ms, shown.min, shown.max], ['200-250', 200, 250]);
    started = performance.now();
    await local.handle(get('/v1/products'));
    assert.ok(performance.now() - started >= 195);
  });

  it('does not delay the controls or the dashboard', async () => {
    const local = createLocalStripe({ latencyMs: 60_000 });
    const timeout = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 5_000).unref());
    const answers = Promise.all([
      local.handle(get('/_emulator/requests', {})),
      local.handle(get('/', { Host: '127.0.0.1:12111' })),
    ]);
    const outcome = await Promise.race([answers, timeout]);
    assert.notEqual(outcome, 'timed out');
    assert.deepEqual(outcome === 'timed out' ? [] : outcome.map((r) => r.status), [200, 200]);
  });

  it('refuses a bad setting with a 400 and keeps the old one', async () => {
    const local = createLocalStripe({ latencyMs: '10-20', latencySeed: 5 });
    const res = await local.handle({
      method: 'POST',
      path: '/_emulator/latency',
      headers: {},
      body: JSON.stringify({ ms: '400-150' }),
    });
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.body).error.message, /range like "150-400"/);
    const shown = JSON.parse((await local.handle(get('/_emulator/latency', {}))).body) as { ms: string; seed: number };
    assert.deepEqual([shown.ms, shown.seed], ['10-20', 5]);
  });
});
