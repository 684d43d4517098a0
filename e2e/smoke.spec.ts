import { BILLING_INTERVALS, CURRENCY, PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { formatMoney } from '../lib/format';
import { expect, test } from './support';

test('the home page shows every plan of the catalog and the shop', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Join a coffee club' })).toBeVisible();
  for (const plan of PLANS) {
    const card = page.getByRole('article', { name: plan.name });
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(plan.name);
    await expect(card.getByText(formatMoney(plan.prices.monthly.unitAmount, CURRENCY), { exact: true })).toBeVisible();
    for (const interval of BILLING_INTERVALS) {
      const link = page.getByRole('link', { name: `Subscribe ${interval} to the ${plan.name}` });
      await expect(link).toHaveAttribute('href', planCheckoutPath(plan.id, interval));
    }
  }
  await expect(page.getByRole('article', { name: 'Espresso Club' })).toContainText(
    '$14.00 a month, or $140.00 a year (2 months free)',
  );
  await expect(page.getByRole('heading', { name: 'House Blend, 340 g' })).toBeVisible();
});

test('every page carries the security headers', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('stripe.com');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});
