import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLogLine } from '@/lib/log';

test('a client text with newlines stays inside one JSON line', () => {
  const forged = 'x\n[fulfilment] cs_test_forged paid 100000 usd';
  const line = formatLogLine('warn', 'request.refused', { detail: forged });
  assert.equal(line.split('\n').length, 1);
  assert.equal((JSON.parse(line) as { detail: string }).detail, forged);
});

test('long strings and keys are cut, so a 1 MB key makes a short line', () => {
  const huge = 'k'.repeat(1_000_000);
  const line = formatLogLine('warn', 'request.refused', { detail: huge, [huge]: 1, nested: { deeper: [huge] } });
  assert.ok(line.length < 2_000, `line of ${line.length} characters`);
  assert.match(line, /\(1000000 chars\)/);
});

test('errors are logged by name, message and code', () => {
  const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
  const record = JSON.parse(formatLogLine('error', 'request.failed', { error })) as { error: unknown; level: string };
  assert.deepEqual(record.error, { name: 'Error', message: 'boom', code: 'E_BOOM' });
  assert.equal(record.level, 'error');
});
