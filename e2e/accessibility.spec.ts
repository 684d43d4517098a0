// axe on every page and every checkout state: no serious or critical violation. Each state is held on
// screen (a delayed or failed request) while axe runs, so a state that lasts a few milliseconds is checked too.
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import type { Page, Route } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import {
  clearFaults,
  expect,
  fillCard,
  fillShippingAddress,
  injectFault,
  OREGON,
  test,
  useClubAddress,
  useShippingAddress,
} from './support';

const MONTHLY_URL = planCheckoutPath(PLANS[0]!.id, 'monthly');

test.afterEach(clearFaults);

/** Holds every matching request until the returned function is called, then lets it through. */
async function holdRequests(page: Page, url: string) {
  const held: Route[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    held.push(route);
    await released;
    await route.continue();
  });
  return release;
}

test('home', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'home');
});

test('not found', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expectNoSeriousViolations(page, 'the not-found page');
});

test('an unknown item', async ({ page }) => {
  await page.goto('/checkout?item=unknown');
  await expect(page.getByRole('main').getByRole('alert')).toContainText("isn't in our shop");
  await expectNoSeriousViolations(page, '/checkout?item=unknown');
});

test('checkout: loading, then ready', async ({ page }) => {
  const release = await holdRequests(page, '**/api/checkout/sessions');
  await page.goto(MONTHLY_URL);
  await expect(page.getByRole('status')).toHaveText('Loading your checkout…');
  await expectNoSeriousViolations(page, 'the checkout, loading');
  release();
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  await expect(page.locator('iframe[title="Secure payment input frame"]')).toBeVisible();
  await expectNoSeriousViolations(page, 'the checkout, ready');
});

test('checkout: updating, then failed', async ({ page }) => {
  await page.goto(MONTHLY_URL);
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  const release = await holdRequests(page, '**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updating your order…' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the checkout, updating');
  release();
  await expect(page.getByTestId('total')).toHaveText('$240.00');

  // The storefront's Stripe client retries a 500 once, so two failures make the update fail for good.
  await page.unroute('**/api/change-subscription-interval');
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Something went wrong on our end. Please try again later.',
  );
  await expectNoSeriousViolations(page, 'the checkout, a failed update');
});

test('checkout: the session cannot be created', async ({ page }) => {
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions', count: 2, kind: 'error_500' });
  await page.goto(MONTHLY_URL);
  await expect(page.getByRole('main').getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the checkout, failed to load');
});

test('checkout: the shipping address step, then its options and tax, then a refused country', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  await expect(page.getByRole('button', { name: 'Use this address' })).toBeVisible();
  await expectNoSeriousViolations(page, 'a product checkout, before an address');
  const address = {
    name: 'Ada Buyer',
    country: 'US',
    line1: '1 Capitol Mall',
    city: 'Sacramento',
    state: 'CA',
    postalCode: '95814',
  };
  expect(await useShippingAddress(page, address)).toBe(200);
  await expect(page.getByTestId('tax')).toBeVisible();
  await expectNoSeriousViolations(page, 'a product checkout, with options and tax');
  // A ZIP in the wrong format: the element marks the field itself and nothing is sent.
  await fillShippingAddress(page, { ...address, postalCode: '958' });
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('group', { name: 'Shipping address' }).getByLabel('ZIP')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please complete your shipping address.');
  await expectNoSeriousViolations(page, 'a product checkout, a refused address');
});

test('paid: the receipt', async ({ page }) => {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto(MONTHLY_URL);
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  await useClubAddress(page, OREGON, clientSecret.split('_secret_')[0]!);
  await page.getByLabel('Email').fill('buyer@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(/\/checkout\/return\?session_id=cs_test_/);
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the receipt');
});

test('cart: empty, then with lines and a refusal', async ({ page }) => {
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
  await expectNoSeriousViolations(page, 'the empty cart');
  await page.goto('/');
  await page.getByRole('article', { name: 'Hand grinder' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: /^Cart/ })).toHaveText('Cart (1)');
  await expectNoSeriousViolations(page, 'home after adding to the cart');
  await page.goto('/cart');
  const quantity = page.getByLabel('Quantity of Hand grinder');
  await quantity.fill('3');
  await quantity.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'You can buy at most 2 of Hand grinder per order.',
  );
  await expectNoSeriousViolations(page, 'the cart with a refusal');
});
