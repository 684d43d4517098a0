import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { SEED_API_VERSION } from './config';
import { expect, OREGON, sessionIdOf, stripe, test, useShippingAddress } from './support';

// This project's server runs with STRIPE_API_VERSION set to the seed page's preview version.
test('seed profile: a custom-UI session with server-only line items switches interval', async ({ page }) => {
  await page.goto(planCheckoutPath(PLANS[0]!.id, 'monthly'));
  const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  const sessionId = sessionIdOf(await switchRequest);
  await expect(page.getByRole('switch', { name: 'Yearly billing' })).toHaveAttribute('aria-checked', 'true');
  // The preview profile's plan starts with a free trial: nothing is due today.
  await expect(page.getByTestId('trial-note')).toContainText('then $240.00 every year');
  await expect(page.getByTestId('total')).toHaveText('$0.00');

  const session = await stripe.checkout.sessions.retrieve(
    sessionId,
    { expand: ['line_items'] },
    {
      apiVersion: SEED_API_VERSION,
    },
  );
  const preview = session as unknown as { ui_mode: string; permissions: { update_line_items?: string } };
  expect(preview.ui_mode).toBe('custom');
  expect(preview.permissions.update_line_items).toBe('server_only');
  expect(session.line_items?.data.map((item) => item.price?.lookup_key)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);
});

test('seed profile: a product session keeps line items and the shipping address server-only together', async ({
  page,
}) => {
  await page.goto('/checkout?item=house-blend');
  const sent = page.waitForRequest('**/api/checkout/shipping-address');
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const sessionId = sessionIdOf(await sent);
  await expect(page.getByRole('group', { name: 'Delivery' }).getByRole('radio')).toHaveCount(2);
  await expect(page.getByTestId('total')).toHaveText('$22.00');
  const session = await stripe.checkout.sessions.retrieve(sessionId, {}, { apiVersion: SEED_API_VERSION });
  const preview = session as unknown as {
    permissions: { update_line_items?: string; update_shipping_details?: string };
  };
  expect(preview.permissions).toMatchObject({
    update_line_items: 'server_only',
    update_shipping_details: 'server_only',
  });
  expect(session.collected_information?.shipping_details?.address.state).toBe('OR');
});

test('seed profile: the trial is 7 days monthly, 14 after switching to yearly in the same update, 7 again back', async ({
  page,
}) => {
  await page.goto(planCheckoutPath(PLANS[0]!.id, 'monthly'));
  const note = page.getByTestId('trial-note');
  await expect(note).toHaveText(/^Free for 7 days, then \$24\.00 every month; first payment on \w+ \d{1,2}, \d{4}\.$/);
  const dayOf = async () => Date.parse((await note.textContent())!.replace(/^.*first payment on (.*)\.$/, '$1'));
  const monthlyDue = await dayOf();

  const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  const sessionId = sessionIdOf(await switchRequest);
  await expect(note).toHaveText(/^Free for 14 days, then \$240\.00 every year; first payment on /);
  expect((await dayOf()) - monthlyDue).toBe(7 * 24 * 60 * 60 * 1000);
  const session = await stripe.checkout.sessions.retrieve(
    sessionId,
    { expand: ['line_items'] },
    { apiVersion: SEED_API_VERSION },
  );
  expect(session.line_items?.data.map((item) => item.price?.lookup_key)).toEqual([PLANS[0]!.prices.yearly.lookupKey]);

  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  await expect(note).toHaveText(/^Free for 7 days, then \$24\.00 every month; /);
  expect(await dayOf()).toBe(monthlyDue);
});
