// A checkout that cannot load says so and offers to try again, instead of an endless "Loading…".
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { APP_PORT } from './config';
import { clearFaults, expect, injectFault, stripe, test } from './support';

const MONTHLY_URL = planCheckoutPath(PLANS[0]!.id, 'monthly');

test.afterEach(clearFaults);

test('Stripe failing to create the session: an alert with a retry, which then loads the checkout', async ({ page }) => {
  // The storefront's Stripe client retries a 500 once: two failures fail the creation for good.
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions', count: 2, kind: 'error_500' });
  await page.goto(MONTHLY_URL);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Please try again');
  await expect(page.getByRole('status')).toHaveCount(0);

  const created = page.waitForResponse((response) => response.url().endsWith('/api/checkout/sessions'));
  await alert.getByRole('button', { name: 'Try again' }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  // The loaded checkout keeps one (empty) alert region for its refusals; the load failure's alert is gone.
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(['']);
  await expect(page.getByText('Please try again')).toHaveCount(0);
});

test('Stripe.js failing to load: an alert with a retry, which then loads it', async ({ page }) => {
  await page.route('**/v3/stripe.js', (route) => route.abort());
  await page.goto(MONTHLY_URL);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toHaveText(/We could not load the payment form/);

  await page.unroute('**/v3/stripe.js');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('total')).toHaveText('$24.00');
});

test('the return URL follows the address the storefront was opened at', async ({ page }) => {
  const origin = `http://localhost:${APP_PORT}`;
  const created = page.waitForResponse((response) => response.url().endsWith('/api/checkout/sessions'));
  await page.goto(`${origin}${MONTHLY_URL}`);
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const session = await stripe.checkout.sessions.retrieve(clientSecret.split('_secret_')[0]!);
  expect(session.return_url).toBe(`${origin}/checkout/return?session_id={CHECKOUT_SESSION_ID}`);
});
