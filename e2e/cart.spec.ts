// The cart in the browser: add from the shop, change it on /cart, check it out as one session, pay, and the
// cart is empty afterwards (the webhook's order transaction emptied it).
import { expect, expectWebhookDelivered, fillCard, OREGON, test, useShippingAddress } from './support';

test('two products to the cart, a quantity changed, checked out as one session, paid: the cart is empty', async ({
  page,
}) => {
  await page.goto('/');
  const cartLink = page.getByRole('banner').getByRole('link', { name: /^Cart/ });
  await expect(cartLink).toHaveText('Cart (0)');
  await page.getByRole('article', { name: 'House Blend, 340 g' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartLink).toHaveText('Cart (1)');
  await page.getByRole('article', { name: 'Ceramic mug' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartLink).toHaveText('Cart (2)');

  await cartLink.click();
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  const beans = page.getByLabel('Quantity of House Blend, 340 g');
  await expect(beans).toHaveValue('1');
  await expect(page.getByLabel('Quantity of Ceramic mug')).toHaveValue('1');
  await expect(page.getByTestId('cart-subtotal')).toContainText('$38.00');

  await beans.fill('2');
  await beans.press('Enter');
  await expect(page.getByTestId('cart-subtotal')).toContainText('$54.00');
  await expect(cartLink).toHaveText('Cart (3)');
  // More than the per-order limit: an alert, and the stored quantity stays.
  await beans.fill('11');
  await beans.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'You can buy at most 10 of House Blend, 340 g per order.',
  );
  await expect(beans).toHaveValue('2');

  await page.reload();
  await expect(page.getByLabel('Quantity of House Blend, 340 g')).toHaveValue('2');
  await expect(page.getByTestId('cart-subtotal')).toContainText('$54.00');

  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.getByRole('link', { name: 'Checkout' }).click();
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const sessionId = clientSecret.split('_secret_')[0]!;
  await expect(page.getByTestId('line-item')).toHaveCount(2);
  await expect(page.getByTestId('line-item').nth(0)).toContainText('House Blend, 340 g');
  await expect(page.getByTestId('line-item').nth(1)).toContainText('Ceramic mug');
  await expect(page.getByTestId('total')).toHaveText('$54.00'); // no shipping until the address is known
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await expect(page.getByTestId('total')).toHaveText('$60.00'); // $54.00 and standard shipping to Oregon (no sales tax)

  await page.getByLabel('Email').fill('cart@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $60.00' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expectWebhookDelivered(sessionId);

  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await expect(cartLink).toHaveText('Cart (0)');
  await page.goto('/checkout?from=cart');
  // An empty cart is a state, not a failure: a heading, no alert.
  await expect(page.getByRole('heading', { name: 'Your cart is empty.' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  // A bare /checkout goes to the cart.
  await page.goto('/checkout');
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('link', { name: 'Choose from the shop' })).toBeVisible();
});

test('removing a line moves focus to the cart heading; another tab sees the same cart', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('article', { name: 'Ceramic mug' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (1)');
  const other = await context.newPage();
  await other.goto('/cart');
  await expect(other.getByLabel('Quantity of Ceramic mug')).toHaveValue('1');
  await other.getByRole('button', { name: 'Remove Ceramic mug' }).click();
  await expect(other.getByText('Your cart is empty.')).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Your cart' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (0)');
});

test('on a phone (390 px) each cart line fits its card: name, field, Remove and line total all inside', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const cartLink = page.getByRole('banner').getByRole('link', { name: /^Cart/ });
  await page.getByRole('article', { name: 'House Blend, 340 g' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(cartLink).toHaveText('Cart (1)');
  await cartLink.click();
  const line = page.getByRole('listitem').filter({ has: page.getByLabel('Quantity of House Blend, 340 g') });
  const card = (await line.boundingBox())!;
  for (const part of [
    line.getByRole('heading', { name: 'House Blend, 340 g' }),
    line.getByLabel('Quantity of House Blend, 340 g'),
    line.getByRole('button', { name: /^Remove/ }),
    line.getByLabel('Line total for House Blend, 340 g'),
  ]) {
    const box = (await part.boundingBox())!;
    expect(box.x, `${part} starts inside the line`).toBeGreaterThanOrEqual(card.x);
    expect(box.x + box.width, `${part} ends inside the line`).toBeLessThanOrEqual(card.x + card.width + 0.5);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
});

test("a refused quantity's message wraps under its field: the lines' fields line up, each total beside its field", async ({
  page,
}) => {
  await page.goto('/');
  const cartLink = page.getByRole('banner').getByRole('link', { name: /^Cart/ });
  for (const [name, count] of [
    ['House Blend, 340 g', 1],
    ['Hand grinder', 2],
  ] as const) {
    await page.getByRole('article', { name }).getByRole('button', { name: 'Add to cart' }).click();
    await expect(cartLink).toHaveText(`Cart (${count})`);
  }
  await cartLink.click();
  const blend = page.getByLabel('Quantity of House Blend, 340 g');
  await blend.fill('99');
  await blend.press('Enter');
  await expect(blend).toHaveAccessibleDescription(/You can buy at most 10 of House Blend/);
  const box = async (label: string) => (await page.getByLabel(label).boundingBox())!;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const name of ['House Blend, 340 g', 'Hand grinder']) {
      const [field, total] = [await box(`Quantity of ${name}`), await box(`Line total for ${name}`)];
      const middle = total.y + total.height / 2;
      expect(middle, `${name}'s total beside its field at ${width} px`).toBeGreaterThan(field.y);
      expect(middle, `${name}'s total beside its field at ${width} px`).toBeLessThan(field.y + field.height);
    }
    const [first, second] = [await box('Quantity of House Blend, 340 g'), await box('Quantity of Hand grinder')];
    expect(first.x, `the fields line up at ${width} px`).toBeCloseTo(second.x, 0);
  }
});
