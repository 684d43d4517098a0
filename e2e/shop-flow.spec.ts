// The whole shop, as a buyer walks it: a cart of two products, a quantity changed on /cart, the checkout's
// server updates (stock refused, a cross-sell, the gift in and out), payment, and then the stock, the holds
// and the cart read back. The storefront's database lives in its own process: the shop's own stock figures
// (stock less open holds) and the receipt's order number (only a recorded order has one) are how we see it.
import { holdAllBut, onShelf } from './stock';
import { expect, expectWebhookDelivered, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

const PRODUCTS = ['house-blend', 'ceramic-mug', 'hand-grinder'];
const shelf = async () =>
  Object.fromEntries(await Promise.all(PRODUCTS.map(async (id) => [id, await onShelf(id)] as const)));

test('cart → checkout → stock refused → cross-sell → gift in and out → paid: stock lower by exactly what was bought', async ({
  page,
}) => {
  const before = await shelf();
  // Someone else holds all mugs but one: this buyer gets the last.
  const release = await holdAllBut('ceramic-mug', 1);
  try {
    await page.goto('/');
    const cartLink = page.getByRole('banner').getByRole('link', { name: /^Cart/ });
    for (const [index, name] of ['House Blend, 340 g', 'Ceramic mug'].entries()) {
      await page.getByRole('article', { name }).getByRole('button', { name: 'Add to cart' }).click();
      await expect(cartLink).toHaveText(`Cart (${index + 1})`);
    }
    await cartLink.click();
    await expect(page.getByText('Only 1 left')).toBeVisible();
    const cartBeans = page.getByLabel('Quantity of House Blend, 340 g');
    await cartBeans.fill('2');
    await cartBeans.press('Enter');
    await expect(page.getByTestId('cart-subtotal')).toContainText('$54.00');

    const created = page.waitForResponse('**/api/checkout/sessions');
    await page.getByRole('link', { name: 'Checkout' }).click();
    const sessionId = ((await (await created).json()) as { clientSecret: string }).clientSecret.split('_secret_')[0]!;
    const lines = async () =>
      (await stripe.checkout.sessions.listLineItems(sessionId)).data.map(
        (item) => `${item.price?.lookup_key} × ${item.quantity}`,
      );
    await expect(page.getByTestId('gift-progress')).toHaveText('$21.00 more for a free tasting sample');

    // A second mug: there is none. An alert; the page and Stripe keep one.
    const mugs = page.getByLabel('Quantity of Ceramic mug');
    await mugs.fill('2');
    await mugs.press('Enter');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Only 1 of Ceramic mug left. Please lower the quantity.',
    );
    await expect(mugs).toHaveValue('1');
    expect(await lines()).toEqual(['house_blend_340g × 2', 'ceramic_mug × 1']);

    // The cross-sell takes the order past $75.00: the gift comes with it, free.
    await page
      .getByRole('region', { name: 'You might also like' })
      .getByRole('button', { name: 'Add Hand grinder' })
      .click();
    const gift = page.getByTestId('line-item').filter({ hasText: 'Tasting sample' });
    await expect(gift).toContainText('Free');
    expect(await lines()).toEqual([
      'house_blend_340g × 2',
      'ceramic_mug × 1',
      'hand_grinder × 1',
      'tasting_sample × 1',
    ]);

    // Lower the grinder to none: $54.00 again, and the gift leaves.
    const grinder = page.getByLabel('Quantity of Hand grinder');
    await grinder.fill('0');
    await grinder.press('Enter');
    await expect(gift).toHaveCount(0);
    await expect(page.getByTestId('gift-progress')).toHaveText('$21.00 more for a free tasting sample');
    expect(await lines()).toEqual(['house_blend_340g × 2', 'ceramic_mug × 1']);

    expect(await useShippingAddress(page, OREGON)).toBe(200);
    await page.getByLabel('Email').fill('shopper@example.com');
    await fillCard(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
    await expectWebhookDelivered(sessionId);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('order-number')).toHaveText(/^Order number: \d+$/, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText('House Blend, 340 g × 2');
    await expect(receipt).toContainText('Ceramic mug');
    await expect(receipt).not.toContainText('Hand grinder');
    await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (0)');
  } finally {
    await release();
  }
  // The others' mugs come back; what this buyer took is sold: exactly two bags and one mug fewer.
  await expect
    .poll(shelf, { timeout: 10_000 })
    .toEqual({ ...before, 'house-blend': before['house-blend']! - 2, 'ceramic-mug': before['ceramic-mug']! - 1 });
});
