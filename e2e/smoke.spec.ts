import { expect, test } from './support';

test('the home page shows the coffee club and the shop', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Join the Coffee Club' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subscribe monthly' })).toHaveAttribute('href', /interval=monthly/);
  await expect(page.getByRole('heading', { name: 'House Blend, 340 g' })).toBeVisible();
  await expect(page.getByText('$24.00', { exact: true })).toBeVisible();
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
