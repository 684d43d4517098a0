import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { callBuyerEndpoint, errorMessageOf } from '@/components/buyer-api';
import { BUYER_REQUESTS, CHECKOUT_UPDATES } from '@/lib/buyer-api';
import { BUYER_PATHS } from '@/lib/buyer-paths';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The browser's fetch, answering `response` (or failing like a dropped connection) and keeping what was sent. */
function answer(response: Response | Error) {
  const sent: { url: string; init: RequestInit }[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  }) as typeof fetch;
  return sent;
}

const BODY = { checkout_session_id: 'cs_test_a1', interval: 'yearly' } as const;

test('a success is the endpoint answer, sent as JSON to its path', async () => {
  const sent = answer(Response.json({ type: 'success' }));
  const result = await callBuyerEndpoint('interval', BODY);
  assert.deepEqual(result, { ok: true, status: 200, answer: { type: 'success' } });
  assert.equal(sent[0]!.url, '/api/change-subscription-interval');
  assert.deepEqual(JSON.parse(String(sent[0]!.init.body)), BODY);
});

test('a refusal carries its message, its status and Retry-After', async () => {
  answer(
    Response.json(
      { type: 'error', message: 'This checkout is being updated, try again.' },
      { status: 409, headers: { 'Retry-After': '1' } },
    ),
  );
  assert.deepEqual(await callBuyerEndpoint('interval', BODY), {
    ok: false,
    status: 409,
    message: 'This checkout is being updated, try again.',
    retryAfter: 1,
  });
});

test('an answer that is not ours, or no answer, has no message for the buyer', async () => {
  answer(new Response('<html>Bad gateway</html>', { status: 502 }));
  assert.deepEqual(await callBuyerEndpoint('interval', BODY), {
    ok: false,
    status: 502,
    message: null,
    retryAfter: null,
  });
  answer(new TypeError('Failed to fetch'));
  assert.deepEqual(await callBuyerEndpoint('interval', BODY), {
    ok: false,
    status: 0,
    message: null,
    retryAfter: null,
  });
});

test('the one error parser reads only our error shape', () => {
  assert.equal(errorMessageOf({ type: 'error', message: 'Hand grinder is sold out.' }), 'Hand grinder is sold out.');
  assert.equal(errorMessageOf({ message: 'no type' }), null);
  assert.equal(errorMessageOf({ type: 'error', message: 42 }), null);
  assert.equal(errorMessageOf(null), null);
  assert.equal(errorMessageOf('error'), null);
});

test('every endpoint the routes parse for is the one the browser calls by that name', () => {
  const endpoints: Record<string, { path: string }> = { ...CHECKOUT_UPDATES, ...BUYER_REQUESTS };
  assert.deepEqual(
    Object.fromEntries(Object.entries(endpoints).map(([name, endpoint]) => [name, endpoint.path])),
    BUYER_PATHS,
  );
});
