import assert from 'node:assert/strict';
import { test } from 'node:test';

const request = (forwardedFor: string) =>
  new Request('http://shop.test/api/checkout/sessions', { headers: { 'x-forwarded-for': forwardedFor } });

test("behind a trusted proxy, the client is the proxy's own entry: the last in X-Forwarded-For", async () => {
  process.env.TRUST_PROXY = '1';
  const { clientAddress } = await import('@/lib/client-address');
  assert.equal(clientAddress(request('203.0.113.7')), '203.0.113.7');
  assert.equal(
    clientAddress(request('10.0.0.1, 203.0.113.7')),
    '203.0.113.7',
    'what the client wrote before it is not trusted',
  );
});
