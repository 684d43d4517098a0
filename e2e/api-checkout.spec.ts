// The route handlers' contract, over HTTP against the production build and the local Stripe.
import { PLANS } from '../lib/catalog';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { LOCAL_STRIPE_URL } from './config';
import { payLikeStripeJs } from './raw-http';
import { clearFaults, expect, injectFault, stripe, test } from './support';

const PLAN_CART = { kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' };
const GENERIC_400 = "We couldn't process your request. Please try again later.";

async function startCheckout(request: APIRequestContext, attemptId = randomUUID(), status = 201) {
  const response = await request.post('/api/checkout/sessions', { data: { cart: PLAN_CART, attemptId } });
  expect(response.status()).toBe(status);
  const { clientSecret } = (await response.json()) as { clientSecret: string };
  return { clientSecret, sessionId: clientSecret.split('_secret_')[0]! };
}

const switchTo = (request: APIRequestContext, sessionId: string, interval: string) =>
  request.post('/api/change-subscription-interval', { data: { checkout_session_id: sessionId, interval } });

async function planLookupKeys(sessionId: string) {
  const items = await stripe.checkout.sessions.listLineItems(sessionId);
  return items.data.map((item) => item.price?.lookup_key);
}

async function stripeRequestLog() {
  const response = await fetch(`${LOCAL_STRIPE_URL}/_emulator/requests`);
  return (
    (await response.json()) as {
      data: Array<{ method: string; path: string; status: number; idempotencyKey: string | null }>;
    }
  ).data;
}

test.afterEach(clearFaults);

test('creating a session answers only the client secret and binds it with an httpOnly cookie', async ({ request }) => {
  const response = await request.post('/api/checkout/sessions', { data: { cart: PLAN_CART, attemptId: randomUUID() } });
  expect(response.status()).toBe(201);
  expect(Object.keys(await response.json())).toEqual(['clientSecret']);
  const cookie = response.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/storefront_browser=[\w-]{43};/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);
});

test('a double click (same attempt) creates one session', async ({ request }) => {
  const attemptId = randomUUID();
  const first = await startCheckout(request, attemptId);
  // The browser's checkout is open: the second click resumes it (200) rather than making another.
  const second = await startCheckout(request, attemptId, 200);
  expect(second.sessionId).toBe(first.sessionId);
});

test('bad bodies get a 400 with a generic message', async ({ request }) => {
  for (const data of [
    {
      cart: { kind: 'products', items: [{ productId: 'house-blend', quantity: 1, unit_amount: 1 }] },
      attemptId: randomUUID(),
    },
    { cart: PLAN_CART },
    { cart: { kind: 'products', items: [{ productId: 'gold-bar', quantity: 1 }] }, attemptId: randomUUID() },
  ]) {
    const response = await request.post('/api/checkout/sessions', { data });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ type: 'error', message: GENERIC_400 });
  }
  const { sessionId } = await startCheckout(request);
  for (const data of [
    {},
    { checkout_session_id: sessionId, interval: 'weekly' },
    { checkout_session_id: 'nope', interval: 'yearly' },
  ]) {
    const response = await request.post('/api/change-subscription-interval', { data });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ type: 'error', message: GENERIC_400 });
  }
  const notJson = await request.post('/api/change-subscription-interval', {
    data: 'not json',
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(400);
});

test('the interval switch succeeds in two Stripe calls and the session reads back yearly', async ({ request }) => {
  const { sessionId } = await startCheckout(request);
  await fetch(`${LOCAL_STRIPE_URL}/_emulator/requests`, { method: 'DELETE' });
  const response = await switchTo(request, sessionId, 'yearly');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ type: 'success' });
  const calls = await stripeRequestLog();
  expect(calls.map((call) => `${call.method} ${call.path.split('?')[0]}`)).toEqual([
    `GET /v1/checkout/sessions/${sessionId}`,
    `POST /v1/checkout/sessions/${sessionId}`,
  ]);
  expect(await planLookupKeys(sessionId)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);
});

test('one browser keeps one plan checkout: a second tab resumes it, another interval replaces it', async ({
  request,
}) => {
  const first = await startCheckout(request);
  const again = await startCheckout(request, randomUUID(), 200);
  expect(again.sessionId).toBe(first.sessionId);
  expect((await switchTo(request, first.sessionId, 'yearly')).status()).toBe(200);
  const yearlyLink = await request.post('/api/checkout/sessions', {
    data: { cart: { ...PLAN_CART, interval: 'yearly' }, attemptId: randomUUID() },
  });
  expect(yearlyLink.status()).toBe(201);
  expect((await stripe.checkout.sessions.retrieve(first.sessionId)).status).toBe('expired');
  expect(await planLookupKeys(first.sessionId)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);
});

test("another browser's cookie gets a 403 and the session is unchanged", async ({ request, playwright, baseURL }) => {
  const { sessionId } = await startCheckout(request);
  const stranger = await playwright.request.newContext({ baseURL });
  await startCheckout(stranger); // the stranger has a binding of its own, to another session
  const response = await switchTo(stranger, sessionId, 'yearly');
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { message: string }).message).not.toContain(sessionId);
  expect(await planLookupKeys(sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
  await stranger.dispose();
});

test('a completed session gets a clear 4xx', async ({ request }) => {
  const { sessionId, clientSecret } = await startCheckout(request);
  await payLikeStripeJs({ sessionId, clientSecret }, { clubAddress: true });
  const response = await switchTo(request, sessionId, 'yearly');
  expect(response.status()).toBe(409);
  expect(await response.json()).toEqual({ type: 'error', message: 'This checkout has been paid.' });
  expect(await planLookupKeys(sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
});

test('an expired session gets a clear 4xx', async ({ request }) => {
  const { sessionId } = await startCheckout(request);
  await stripe.checkout.sessions.expire(sessionId);
  const response = await switchTo(request, sessionId, 'yearly');
  expect(response.status()).toBe(409);
  expect(((await response.json()) as { message: string }).message).toMatch(/can no longer be changed/);
});

test('a Stripe 500 gets a generic 5xx and the session is unchanged', async ({ request }) => {
  const { sessionId } = await startCheckout(request);
  // One more than the storefront's Stripe client retries.
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  const response = await switchTo(request, sessionId, 'yearly');
  expect(response.status()).toBe(502);
  expect(await response.json()).toEqual({
    type: 'error',
    message: 'Something went wrong on our end. Please try again later.',
  });
  await clearFaults();
  expect(await planLookupKeys(sessionId)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
});

test('a single Stripe 500 is retried with the same idempotency key and the switch succeeds', async ({ request }) => {
  const { sessionId } = await startCheckout(request);
  await fetch(`${LOCAL_STRIPE_URL}/_emulator/requests`, { method: 'DELETE' });
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 1, kind: 'error_500' });
  const response = await switchTo(request, sessionId, 'yearly');
  expect(response.status()).toBe(200);
  const updates = (await stripeRequestLog()).filter((call) => call.method === 'POST');
  expect(updates.map((call) => call.status)).toEqual([500, 200]);
  expect(updates[0]!.idempotencyKey).toBeTruthy();
  expect(updates[1]!.idempotencyKey).toBe(updates[0]!.idempotencyKey);
  expect(await planLookupKeys(sessionId)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);
});
