// One open checkout per browser (issue 17): a reload, a second tab or Back resumes it with everything the buyer
// did there; edits travel between the cart and the checkout; paying in one tab turns the other into "paid".
import type { Page } from '@playwright/test';
import { onShelf } from './stock';
import { expect, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

const BLEND = 'House Blend, 340 g';

/** Opens /checkout?from=cart and answers the session the page shows, and whether it was made (201) or resumed (200). */
async function openCheckout(page: Page): Promise<{ sessionId: string; status: number }> {
  const answered = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?from=cart');
  const response = await answered;
  const { clientSecret } = (await response.json()) as { clientSecret: string };
  await expect(page.getByTestId('total')).toHaveText(/\$\d/);
  return { sessionId: clientSecret.split('_secret_')[0]!, status: response.status() };
}

async function addToCart(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('article', { name }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart \([1-9]/ })).toBeVisible();
}

test('a reload and a second tab resume one session, keeping quantity, cross-sell, address, option and promotion code', async ({
  page,
  context,
}) => {
  await addToCart(page, BLEND);
  const first = await openCheckout(page);
  expect(first.status).toBe(201);
  const quantity = page.getByLabel(`Quantity of ${BLEND}`);
  await quantity.fill('2');
  await quantity.press('Enter');
  await expect(page.getByText('Updating your order…')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add Ceramic mug' }).click();
  await expect(page.getByTestId('line-item')).toHaveCount(2);
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page.getByRole('group', { name: 'Delivery' }).getByLabel('Express shipping').click();
  await page.getByLabel('Promo code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('discount')).toBeVisible();
  const total = await page.getByTestId('total').textContent();

  const shelfBefore = await onShelf('house-blend');
  const reloaded = await openCheckout(page); // the same page opened again: a reload
  expect(reloaded).toEqual({ sessionId: first.sessionId, status: 200 });
  await expect(page.getByLabel(`Quantity of ${BLEND}`)).toHaveValue('2');
  await expect(page.getByTestId('line-item')).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Delivery' }).getByLabel('Express shipping')).toBeChecked();
  await expect(page.getByTestId('discount')).toBeVisible();
  await expect(page.getByTestId('total')).toHaveText(total!);

  const second = await context.newPage();
  expect((await openCheckout(second)).sessionId).toBe(first.sessionId);
  // Twenty more opens (reloads, Back) hold nothing more: the shelf shows the same units left.
  for (let i = 0; i < 20; i += 1) {
    const response = await page.request.post('/api/checkout/sessions', {
      data: { cart: { kind: 'stored' }, attemptId: crypto.randomUUID() },
    });
    expect(response.status()).toBe(200);
  }
  expect(await onShelf('house-blend')).toBe(shelfBefore);
  // At Stripe, this browser has exactly one open checkout: the first one.
  const mine = (await stripe.checkout.sessions.retrieve(first.sessionId)).metadata?.storefront_browser_tag;
  const open = await stripe.checkout.sessions.list({ status: 'open', limit: 100 });
  expect(
    open.data.filter((session) => session.metadata?.storefront_browser_tag === mine).map((session) => session.id),
  ).toEqual([first.sessionId]);
});

test('a quantity changed at checkout shows in the cart; a cart change shows in the reopened checkout', async ({
  page,
}) => {
  await addToCart(page, BLEND);
  const { sessionId } = await openCheckout(page);
  const quantity = page.getByLabel(`Quantity of ${BLEND}`);
  await quantity.fill('3');
  await quantity.press('Enter');
  await expect(page.getByText('Updating your order…')).toHaveCount(0);
  await page.goto('/cart');
  await expect(page.getByLabel(`Quantity of ${BLEND}`)).toHaveValue('3');
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (3)');

  const inCart = page.getByLabel(`Quantity of ${BLEND}`);
  await inCart.fill('5');
  await inCart.press('Enter');
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (5)');
  const reopened = await openCheckout(page);
  expect(reopened.sessionId).toBe(sessionId);
  await expect(page.getByLabel(`Quantity of ${BLEND}`)).toHaveValue('5');
  const items = await stripe.checkout.sessions.listLineItems(sessionId);
  expect(items.data.map((item) => item.quantity)).toEqual([5, 1]); // five bags, and the gift past $75
});

test('paying in one tab turns the other into "already paid", with a link to the order and no Pay button', async ({
  page,
  context,
}) => {
  await addToCart(page, 'Ceramic mug');
  const { sessionId } = await openCheckout(page);
  const other = await context.newPage();
  expect((await openCheckout(other)).sessionId).toBe(sessionId);

  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page.getByLabel('Email').fill('tabs@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByTestId('order-number')).toBeVisible();

  await other.bringToFront();
  await expect(other.getByTestId('checkout-paid')).toBeVisible();
  await expect(other.getByRole('button', { name: /^Pay / })).toHaveCount(0);
  await other.getByRole('link', { name: 'See your order' }).click();
  await expect(other.getByTestId('order-number')).toHaveText(
    (await page.getByTestId('order-number').textContent()) ?? '',
  );
});

test('the tab that pays goes to its receipt, though the server reports the session paid before its confirm answers', async ({
  page,
}) => {
  await addToCart(page, 'Ceramic mug');
  const { sessionId } = await openCheckout(page);
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page.getByLabel('Email').fill('slow-answer@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  // The confirm reaches the local Stripe, but its answer is held until the page has asked our server about the
  // session (as it does on the window's focus event, which clicking Pay after the card frame fires).
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/v1/payment_pages/*/confirm', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect.poll(async () => (await stripe.checkout.sessions.retrieve(sessionId)).status).toBe('complete');
  // An answer to the click's own focus event may still be on its way, from before the payment: wait for one
  // that says complete.
  const asked = page.waitForResponse(
    async (response) =>
      response.url().includes('/api/checkout/status') && (await response.json()).status === 'complete',
  );
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await asked;
  await page.evaluate(() => new Promise((settled) => setTimeout(settled, 200))); // the page reads that answer
  // Still this tab's checkout, paying: not "paid elsewhere", which would take the Payment Element away.
  await expect(page.getByTestId('checkout-paid')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Processing…' })).toBeVisible();
  release();
  await expect(page.getByTestId('order-number')).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/checkout/return');
});
