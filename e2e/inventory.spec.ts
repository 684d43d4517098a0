import { randomUUID } from 'node:crypto';
import { holdAllBut } from './stock';
import { expect, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

const inStock = async (page: import('@playwright/test').Page, productId: string) => {
  await page.goto('/');
  const text = await page.getByTestId(`stock-${productId}`).textContent();
  const match = /^(\d+) in stock$/.exec(text ?? '');
  expect(match, `stock of ${productId}: ${text}`).not.toBeNull();
  return Number(match![1]);
};

// The database seen from outside, through what the shop itself shows: the home page's stock (stock less open
// holds) and the return page's order number, which only a recorded order row has. The storefront's PGlite is
// in memory in its own process, so nothing else can open it; the unit tests read the rows themselves.
test('buying a mug: the webhook records the order, and the shop has one mug fewer', async ({ page }) => {
  const before = await inStock(page, 'ceramic-mug');

  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?item=ceramic-mug');
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const sessionId = clientSecret.split('_secret_')[0]!;
  // While the checkout is open its mug is held: the shop shows one fewer already.
  expect(await inStock(page, 'ceramic-mug')).toBe(before - 1);

  await page.goto(`/checkout?session_id=${sessionId}`);
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page.getByLabel('Email').fill('mug@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();

  // The webhook is on its way: the page shows Stripe's receipt until the order is recorded, then its number.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('order-number')).toHaveText(/^Order number: \d+$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId('receipt')).toContainText('Ceramic mug');
  expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe('complete');

  // Sold, not merely held: the hold became a sale in the order's transaction, so the count stays one lower.
  expect(await inStock(page, 'ceramic-mug')).toBe(before - 1);
});

test('the last grinders: once held, a 409 names the product and what is left, and Stripe makes no session', async ({
  page,
  request,
}) => {
  const before = await inStock(page, 'hand-grinder');
  const release = await holdAllBut('hand-grinder', 1);
  try {
    expect(await inStock(page, 'hand-grinder')).toBe(1);
    const newest = async () => (await stripe.checkout.sessions.list({ limit: 1 })).data[0]?.id;
    const before = await newest();
    const refused = await request.post('/api/checkout/sessions', {
      data: {
        cart: { kind: 'products', items: [{ productId: 'hand-grinder', quantity: 2 }] },
        attemptId: randomUUID(),
      },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toEqual({
      type: 'error',
      message: 'Only 1 of Hand grinder left. Please lower the quantity.',
    });
    expect(await newest()).toBe(before);
    expect(await inStock(page, 'hand-grinder')).toBe(1);
  } finally {
    await release();
  }
  // Expired, the other checkouts give their grinders back (the local Stripe's webhook, then the storefront).
  await expect.poll(() => inStock(page, 'hand-grinder'), { timeout: 10_000 }).toBe(before);
});
