import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { expect, expectWebhookDelivered, fillCard, OREGON, stripe, test, useShippingAddress } from './support';

// GA profile: the buyer's promotion code, applied by Stripe.js and validated by Stripe (no route of ours).
test('WELCOME10 takes 10 % off the products, comes off again, and the paid order records it', async ({ page }) => {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?item=house-blend');
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const sessionId = clientSecret.split('_secret_')[0]!;
  // Oregon has no sales tax in the shop's table: the total is the goods and the shipping only.
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const delivery = page.getByRole('group', { name: 'Delivery' });
  await delivery.getByLabel('Express shipping').click();
  await expect(page.getByTestId('total')).toHaveText('$31.00');

  await page.getByLabel('Promo code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('discount')).toHaveText(/Discount \(WELCOME10\).*−\$1\.60/);
  await expect(page.getByTestId('total')).toHaveText('$29.40');
  expect((await stripe.checkout.sessions.retrieve(sessionId)).total_details?.amount_discount).toBe(160);

  await page.getByRole('button', { name: 'Remove WELCOME10' }).click();
  await expect(page.getByTestId('discount')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('$31.00');

  await page.getByLabel('Promo code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('total')).toHaveText('$29.40');
  await page.getByLabel('Email').fill('promo@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $29.40' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expectWebhookDelivered(sessionId);
  // Once the webhook has run, the receipt is read from the recorded order, not from Stripe.
  await page.reload();
  await expect(page.getByTestId('order-number')).toBeVisible();
  await expect(page.getByTestId('receipt-discount')).toHaveText('Discount−$1.60');
  await expect(page.getByTestId('receipt-total')).toHaveText('$29.40');
});

test('an unknown code shows Stripe’s message and changes nothing', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  await expect(page.getByTestId('total')).toHaveText(/\$\d/);
  const before = await page.getByTestId('total').textContent();
  await page.getByLabel('Promo code').fill('NOSUCHCODE');
  await page.getByRole('button', { name: 'Apply' }).click();
  // Under the field, tied to it, and announced once by the page's alert region.
  await expect(page.locator('.promo-code .notice')).toContainText('This code is invalid.');
  await expect(page.getByLabel('Promo code')).toHaveAccessibleDescription(/This code is invalid\./);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This code is invalid.');
  await expect(page.getByTestId('discount')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText(before!);
  await expect(page.getByLabel('Promo code')).toHaveValue('NOSUCHCODE');
});

test('a plan checkout takes the code too', async ({ page }) => {
  await page.goto(planCheckoutPath(PLANS[0]!.id, 'monthly'));
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  await page.getByLabel('Promo code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('total')).toHaveText('$21.60');
});

test('a code that is no longer active is refused the same way, and nothing changes', async ({ page }) => {
  const coupon = await stripe.coupons.create({ percent_off: 50, duration: 'once' });
  const code = `ENDED${Date.now().toString(36).toUpperCase()}`;
  const promo = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code });
  await stripe.promotionCodes.update(promo.id, { active: false });
  await page.goto('/checkout?item=house-blend');
  await expect(page.getByTestId('total')).toHaveText(/\$\d/);
  const before = await page.getByTestId('total').textContent();
  await page.getByLabel('Promo code').fill(code);
  await page.getByRole('button', { name: 'Apply' }).click();
  // Under the field, tied to it, and announced once by the page's alert region.
  await expect(page.locator('.promo-code .notice')).toContainText('This code is invalid.');
  await expect(page.getByLabel('Promo code')).toHaveAccessibleDescription(/This code is invalid\./);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This code is invalid.');
  await expect(page.getByTestId('discount')).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText(before!);
});
