import assert from 'node:assert/strict';
import { test } from 'node:test';

const request = (forwardedFor?: string) =>
  new Request('http://shop.test/api/checkout/sessions', {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

test('without a trusted proxy, X-Forwarded-For proves nothing: every client is one, rotating the header or not', async () => {
  process.env.TRUST_PROXY = '';
  const { clientAddress } = await import('@/lib/client-address');
  assert.equal(clientAddress(request('203.0.113.7')), 'direct');
  assert.equal(clientAddress(request('198.51.100.1, 203.0.113.7')), 'direct');
  assert.equal(clientAddress(request()), 'direct');
});
