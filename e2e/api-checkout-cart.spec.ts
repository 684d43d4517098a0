// The cart endpoints' contract over HTTP (production build, local Stripe): each response, the binding, the
// session's state, Stripe failing mid-update, two tabs at once; Stripe's session and the shelf read back.
import { BROWSER_HEADERS, clearStripeCalls, newBuyer, send, stripeCallsFor, type Buyer } from './raw-http';
import { onShelf } from './stock';
import { clearFaults, expect, injectFault, stripe, test } from './support';

const BEANS = { kind: 'products', items: [{ productId: 'house-blend', quantity: 1 }] };
const linesOf = async (sessionId: string) => (await stripe.checkout.sessions.listLineItems(sessionId)).data;
const summaryOf = async (sessionId: string) =>
  (await linesOf(sessionId)).map((item) => `${item.price?.lookup_key} × ${item.quantity}`);

const post = (path: string, buyer: Pick<Buyer, 'cookie'>, body: Record<string, unknown>) =>
  send(path, { ...BROWSER_HEADERS, cookie: buyer.cookie }, JSON.stringify(body));
const setQuantity = async (buyer: Buyer, quantity: number, lineId?: string) =>
  post('/api/checkout/line-item-quantity', buyer, {
    checkout_session_id: buyer.sessionId,
    line_item_id: lineId ?? (await linesOf(buyer.sessionId))[0]!.id,
    quantity,
  });
const crossSell = (buyer: Buyer, productId: string, action: 'add' | 'remove') =>
  post('/api/checkout/cross-sell', buyer, { checkout_session_id: buyer.sessionId, product_id: productId, action });

test.afterEach(clearFaults);

test('a quantity change: success in two Stripe calls, the hold follows, the session reads back', async () => {
  const buyer = await newBuyer(BEANS);
  const shelf = await onShelf('house-blend');
  const lineId = (await linesOf(buyer.sessionId))[0]!.id;
  await clearStripeCalls();
  const response = await setQuantity(buyer, 3, lineId);
  expect(response.status).toBe(200);
  expect(JSON.parse(response.text)).toEqual({ type: 'success' });
  expect((await stripeCallsFor(buyer.sessionId)).map((call) => `${call.method} ${call.path}`)).toEqual([
    `GET /v1/checkout/sessions/${buyer.sessionId}`,
    `POST /v1/checkout/sessions/${buyer.sessionId}`,
  ]);
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 3']);
  expect((await linesOf(buyer.sessionId))[0]!.id).toBe(lineId);
  expect(await onShelf('house-blend')).toBe(shelf - 2);
});

test('refusals: a 4xx with a message, and nothing changes', async () => {
  const buyer = await newBuyer(BEANS);
  const shelf = await onShelf('house-blend');
  const cases: Array<[Promise<Awaited<ReturnType<typeof send>>>, number, RegExp]> = [
    [setQuantity(buyer, 11), 409, /at most 10 of House Blend, 340 g per order/],
    [setQuantity(buyer, 0), 400, /at least one item/],
    [setQuantity(buyer, 2, 'li_doesnotexist'), 400, /no longer in your order/],
    [crossSell(buyer, 'tasting-sample', 'add'), 400, /isn't in our shop/],
    [crossSell(buyer, 'gold-bar', 'add'), 400, /isn't in our shop/],
    [crossSell(buyer, 'ceramic-mug', 'remove'), 400, /not in your order/],
  ];
  for (const [pending, status, message] of cases) {
    const response = await pending;
    expect(response.status, response.text).toBe(status);
    expect((JSON.parse(response.text) as { message: string }).message).toMatch(message);
  }
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 1']);
  expect(await onShelf('house-blend')).toBe(shelf);
});

test("another browser's cookie: 403, and the session and the holds are unchanged", async () => {
  const owner = await newBuyer(BEANS);
  const stranger = await newBuyer(BEANS);
  const shelf = await onShelf('house-blend');
  const lineId = (await linesOf(owner.sessionId))[0]!.id;
  for (const response of [
    await post('/api/checkout/line-item-quantity', stranger, {
      checkout_session_id: owner.sessionId,
      line_item_id: lineId,
      quantity: 5,
    }),
    await post('/api/checkout/cross-sell', stranger, {
      checkout_session_id: owner.sessionId,
      product_id: 'ceramic-mug',
      action: 'add',
    }),
  ]) {
    expect(response.status).toBe(403);
  }
  expect(await summaryOf(owner.sessionId)).toEqual(['house_blend_340g × 1']);
  expect(await onShelf('house-blend')).toBe(shelf);
});

test('a completed or expired session: 409', async () => {
  const expired = await newBuyer(BEANS);
  await stripe.checkout.sessions.expire(expired.sessionId);
  expect((await setQuantity(expired, 2)).status).toBe(409);
  expect((await crossSell(expired, 'ceramic-mug', 'add')).status).toBe(409);
  const plan = await newBuyer();
  expect((await crossSell(plan, 'ceramic-mug', 'add')).status, 'a subscription checkout has no cart').toBe(409);
});

test('Stripe failing the update: 502, the hold put back, the session as it was', async () => {
  const buyer = await newBuyer(BEANS);
  const shelf = await onShelf('ceramic-mug');
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  const response = await crossSell(buyer, 'ceramic-mug', 'add');
  expect(response.status).toBe(502);
  await clearFaults();
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 1']);
  expect(await onShelf('ceramic-mug')).toBe(shelf);
});

test('the cross-sell: added at one unit, then removed; the mug held and given back', async () => {
  const buyer = await newBuyer(BEANS);
  const shelf = await onShelf('ceramic-mug');
  expect((await crossSell(buyer, 'ceramic-mug', 'add')).status).toBe(200);
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 1', 'ceramic_mug × 1']);
  expect(await onShelf('ceramic-mug')).toBe(shelf - 1);
  expect((await crossSell(buyer, 'ceramic-mug', 'remove')).status).toBe(200);
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 1']);
  expect(await onShelf('ceramic-mug')).toBe(shelf);
});

test('two tabs change one checkout at the same moment: one result or the other, never a mix', async () => {
  const buyer = await newBuyer(BEANS);
  const shelf = await onShelf('house-blend');
  const lineId = (await linesOf(buyer.sessionId))[0]!.id;
  const [first, second] = await Promise.all([setQuantity(buyer, 4, lineId), crossSell(buyer, 'ceramic-mug', 'add')]);
  expect([first.status, second.status]).toEqual([200, 200]);
  // Serialised: whichever ran second saw the first one's result, so both changes are there (and $86.00
  // earns the gift, which neither request alone would have).
  expect(await summaryOf(buyer.sessionId)).toEqual(['house_blend_340g × 4', 'ceramic_mug × 1', 'tasting_sample × 1']);
  expect(await onShelf('house-blend')).toBe(shelf - 3);
});
