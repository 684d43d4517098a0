import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonAnswer } from '@/lib/http';

test('a JSON answer keeps its status and headers, and asks not to be transformed (so it is not gzipped)', async () => {
  const plain = jsonAnswer({ type: 'success' });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers.get('cache-control'), 'no-transform');
  assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(await plain.json(), { type: 'success' });

  const limited = jsonAnswer(
    { type: 'error', message: 'Slow down.' },
    {
      status: 429,
      headers: { 'Retry-After': '12', 'Cache-Control': 'no-store' },
    },
  );
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '12');
  assert.equal(limited.headers.get('cache-control'), 'no-store, no-transform');
});
