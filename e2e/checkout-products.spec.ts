import { expect, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

test('buy beans with express shipping: the total follows the option, and the receipt lists the order', async ({
  page,
}) => {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?item=house-blend');
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const sessionId = clientSecret.split('_secret_')[0]!;

  await expect(page.getByTestId('line-item')).toHaveText(/House Blend, 340\sg.*\$16\.00/);
  await expect(page.getByRole('switch')).toHaveCount(0);
  // Oregon: domestic rates, no sales tax in the table, so the total is the lines and the shipping.
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const delivery = page.getByRole('group', { name: 'Delivery' });
  await expect(delivery.getByRole('radio')).toHaveCount(2);

  await delivery.getByLabel('Express shipping').click();
  await expect(delivery.getByLabel('Express shipping')).toBeChecked();
  await expect(page.getByTestId('total')).toHaveText('$31.00');
  const chosen = await stripe.checkout.sessions.retrieve(sessionId);
  expect(chosen.shipping_cost?.amount_total).toBe(1500);
  expect(chosen.amount_total).toBe(3100);

  await page.getByLabel('Email').fill('beans@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $31.00' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(page.getByTestId('receipt')).toContainText('House Blend, 340 g');
  await expect(page.getByTestId('receipt-shipping')).toHaveText('Shipping — Express shipping$15.00');
  await expect(page.getByTestId('receipt-total')).toHaveText('$31.00');
  const paid = await stripe.checkout.sessions.retrieve(sessionId);
  expect(paid.status).toBe('complete');
  expect(paid.payment_intent).toBeTruthy();
});

test('a product that is not in the catalog gets a message, not a checkout', async ({ page }) => {
  await page.goto('/checkout?item=gold-bar');
  await expect(page.getByRole('main').getByRole('alert')).toContainText("isn't in our shop");
  await expect(page.getByRole('link', { name: 'Choose from the shop' })).toBeVisible();
});
