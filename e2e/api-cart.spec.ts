// POST /api/cart/items and GET /api/cart over HTTP, against the production build: every answer of the
// contract, and the cart read back after each (a refusal changes nothing).
import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { APP_ORIGIN, BROWSER_HEADERS, send } from './raw-http';
import { expect, stripe, test } from './support';

const GENERIC_400 = "We couldn't process your request. Please try again later.";

const setLine = (request: APIRequestContext, data: unknown) => request.post('/api/cart/items', { data });
async function cartOf(request: APIRequestContext) {
  const response = await request.get('/api/cart');
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    items: Array<{ product_id: string; quantity: number }>;
    count: number;
    subtotal: number;
  };
}

test('the first cart action gives the browser its httpOnly cookie; the cart reads back with catalog prices', async ({
  request,
}) => {
  expect(await cartOf(request)).toEqual({ items: [], count: 0, subtotal: 0 });
  const added = await setLine(request, { product_id: 'house-blend', add: 1 });
  expect(added.status()).toBe(200);
  expect(await added.json()).toEqual({ type: 'success' });
  const cookie = added.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/storefront_browser=[\w-]{43};/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);

  await setLine(request, { product_id: 'house-blend', add: 1 });
  await setLine(request, { product_id: 'ceramic-mug', quantity: 2 });
  expect(await cartOf(request)).toEqual({
    items: [
      { product_id: 'house-blend', quantity: 2 },
      { product_id: 'ceramic-mug', quantity: 2 },
    ],
    count: 4,
    subtotal: 2 * 1600 + 2 * 2200,
  });
});

test('quantities are absolute; 0 removes the line', async ({ request }) => {
  await setLine(request, { product_id: 'ceramic-mug', quantity: 3 });
  await setLine(request, { product_id: 'ceramic-mug', quantity: 1 });
  expect((await cartOf(request)).items).toEqual([{ product_id: 'ceramic-mug', quantity: 1 }]);
  expect((await setLine(request, { product_id: 'ceramic-mug', quantity: 0 })).status()).toBe(200);
  expect(await cartOf(request)).toEqual({ items: [], count: 0, subtotal: 0 });
});

test('bad bodies, unknown products and the gift get a 400 with a generic message, and change nothing', async ({
  request,
}) => {
  await setLine(request, { product_id: 'house-blend', quantity: 1 });
  for (const data of [
    { product_id: 'gold-bar', quantity: 1 },
    { product_id: 'tasting-sample', quantity: 1 },
    { product_id: 'house-blend', quantity: -1 },
    { product_id: 'house-blend', quantity: 1.5 },
    { product_id: 'house-blend', quantity: '2' },
    { product_id: 'house-blend', add: 0 },
    { product_id: 'house-blend', quantity: 1, add: 1 },
    { product_id: 'house-blend', quantity: 1, unit_amount: 1 },
    { product_id: 'house-blend' },
    {},
  ]) {
    const response = await setLine(request, data);
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect(await response.json()).toEqual({ type: 'error', message: GENERIC_400 });
  }
  const notJson = await request.post('/api/cart/items', {
    data: 'not json',
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(400);
  const foreign = await request.post('/api/cart/items', {
    data: { product_id: 'house-blend', quantity: 5 },
    headers: { origin: 'https://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  expect((await cartOf(request)).items).toEqual([{ product_id: 'house-blend', quantity: 1 }]);
});

test("past the product's per-order limit: 409 saying the limit, and nothing changes", async ({ request }) => {
  await setLine(request, { product_id: 'house-blend', quantity: 10 });
  for (const data of [
    { product_id: 'house-blend', quantity: 11 },
    { product_id: 'house-blend', add: 1 },
  ]) {
    const response = await setLine(request, data);
    expect(response.status()).toBe(409);
    expect(await response.json()).toEqual({
      type: 'error',
      message: 'You can buy at most 10 of House Blend, 340 g per order.',
    });
  }
  expect((await cartOf(request)).items).toEqual([{ product_id: 'house-blend', quantity: 10 }]);
});

test('more than is available (stock less what checkouts hold): 409 "Only N left", and nothing changes', async ({
  request,
}) => {
  await setLine(request, { product_id: 'hand-grinder', quantity: 1 });
  // Other buyers' checkouts (each a browser of its own: one keeps one open checkout) hold grinders until fewer
  // than two are left; they are expired at the end, so later tests find the shelf as it was.
  const before = await availableGrinders(request);
  const held: string[] = [];
  const hold = async () => {
    const body = JSON.stringify({
      cart: { kind: 'products', items: [{ productId: 'hand-grinder', quantity: 2 }] },
      attemptId: randomUUID(),
    });
    const answer = await send('/api/checkout/sessions', BROWSER_HEADERS, body);
    if (answer.status === 201)
      held.push((JSON.parse(answer.text) as { clientSecret: string }).clientSecret.split('_secret_')[0]!);
    return answer.status;
  };
  try {
    while ((await hold()) === 201);
    const left = await availableGrinders(request);

    const response = await setLine(request, { product_id: 'hand-grinder', quantity: 2 });
    expect(response.status()).toBe(409);
    expect(await response.json()).toEqual({
      type: 'error',
      message:
        left === 0 ? 'Hand grinder is sold out.' : `Only ${left} of Hand grinder left. Please lower the quantity.`,
    });
    expect((await cartOf(request)).items).toEqual([{ product_id: 'hand-grinder', quantity: 1 }]);
    // Lowering (or removing) is always allowed.
    expect((await setLine(request, { product_id: 'hand-grinder', quantity: 0 })).status()).toBe(200);
  } finally {
    for (const id of held) await stripe.checkout.sessions.expire(id);
    await expect.poll(() => availableGrinders(request), { timeout: 20_000 }).toBe(before);
  }
});

/** Grinders a buyer can still get, as the home page shows them. */
async function availableGrinders(request: APIRequestContext): Promise<number> {
  const html = await (await request.get('/')).text();
  const match = /data-testid="stock-hand-grinder"[^>]*>(?:(\d+) in stock|Sold out)</.exec(html);
  expect(match, 'the home page shows the grinders in stock').not.toBeNull();
  return Number(match![1] ?? 0);
}

test("each browser sees its own cart, never another's", async ({ request, playwright, baseURL }) => {
  await setLine(request, { product_id: 'ceramic-mug', quantity: 2 });
  const other = await playwright.request.newContext({ baseURL });
  expect(await cartOf(other)).toEqual({ items: [], count: 0, subtotal: 0 });
  await setLine(other, { product_id: 'house-blend', quantity: 1 });
  expect((await cartOf(other)).items).toEqual([{ product_id: 'house-blend', quantity: 1 }]);
  expect((await cartOf(request)).items).toEqual([{ product_id: 'ceramic-mug', quantity: 2 }]);
  // A forged cookie is a browser of its own: an empty cart.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `storefront_browser=${'A'.repeat(43)}` },
  });
  expect(await cartOf(forged)).toEqual({ items: [], count: 0, subtotal: 0 });
  await other.dispose();
  await forged.dispose();
});

test('checking out the stored cart makes one session of its lines; an empty cart gets a 409', async ({ request }) => {
  const empty = await request.post('/api/checkout/sessions', {
    data: { cart: { kind: 'stored' }, attemptId: randomUUID() },
  });
  expect(empty.status()).toBe(409);
  expect(await empty.json()).toEqual({ type: 'error', message: 'Your cart is empty. Please choose from the shop.' });
  await setLine(request, { product_id: 'house-blend', quantity: 2 });
  await setLine(request, { product_id: 'ceramic-mug', quantity: 1 });
  const created = await request.post('/api/checkout/sessions', {
    data: { cart: { kind: 'stored' }, attemptId: randomUUID() },
  });
  expect(created.status()).toBe(201);
  const refused = await request.post('/api/checkout/sessions', {
    data: { cart: { kind: 'stored', items: [{ productId: 'house-blend', quantity: 1 }] }, attemptId: randomUUID() },
  });
  expect(refused.status()).toBe(400);
  const { clientSecret } = (await created.json()) as { clientSecret: string };
  const lines = await stripe.checkout.sessions.listLineItems(clientSecret.split('_secret_')[0]!);
  expect(lines.data.map((line) => [line.price?.lookup_key, line.quantity])).toEqual([
    ['house_blend_340g', 2],
    ['ceramic_mug', 1],
  ]);
});

test('JSON answers go out uncompressed (no gzip stream per action); pages are still gzipped', async () => {
  const gzip = { 'accept-encoding': 'gzip' };
  const answer = await send('/api/cart/items', { ...BROWSER_HEADERS, ...gzip }, JSON.stringify({ product_id: 'x' }));
  expect(answer.status).toBe(400);
  expect(answer.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(answer.text)).toEqual({ type: 'error', message: GENERIC_400 });
  const added = await send(
    '/api/cart/items',
    { ...BROWSER_HEADERS, ...gzip },
    JSON.stringify({ product_id: 'house-blend', add: 1 }),
  );
  expect([added.status, added.headers['content-encoding'], JSON.parse(added.text)]).toEqual([
    200,
    undefined,
    { type: 'success' },
  ]);
  const home = await fetch(`${APP_ORIGIN}/`, { headers: gzip });
  expect(home.headers.get('content-encoding')).toBe('gzip');
});
