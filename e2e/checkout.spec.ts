import { CURRENCY, PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';
import { formatMoney } from '../lib/format';
import {
  clearFaults,
  expect,
  expectWebhookDelivered,
  fillCard,
  injectFault,
  OREGON,
  sessionIdOf,
  stripe,
  test,
  useClubAddress,
} from './support';

const MONTHLY_URL = planCheckoutPath(PLANS[0]!.id, 'monthly');
const summary = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Order summary' });

test.afterEach(clearFaults);

const money = (amount: number) => formatMoney(amount, CURRENCY);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const plan of PLANS) {
  test(`${plan.name}: from the shop, monthly → yearly → monthly, then pay and see the confirmation`, async ({
    page,
  }) => {
    const [monthly, yearly] = [plan.prices.monthly, plan.prices.yearly];
    await page.goto('/');
    await page.getByRole('link', { name: `Subscribe monthly to the ${plan.name}` }).click();
    const toggle = page.getByRole('switch', { name: 'Yearly billing' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(summary(page).getByTestId('line-item')).toHaveText(
      new RegExp(`${escaped(plan.name)}.*${escaped(money(monthly.unitAmount))} / month`),
    );
    await expect(page.getByTestId('total')).toHaveText(money(monthly.unitAmount));

    const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
    await toggle.click();
    const sessionId = sessionIdOf(await switchRequest);
    const yearlySwitch = page.getByRole('switch', { name: 'Yearly billing' });
    await expect(yearlySwitch).toHaveAttribute('aria-checked', 'true');
    await expect(summary(page).getByTestId('line-item')).toHaveText(
      new RegExp(`${escaped(plan.name)}.*${escaped(money(yearly.unitAmount))} / year`),
    );
    await expect(page.getByTestId('total')).toHaveText(money(yearly.unitAmount));
    const afterSwitch = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
    expect(afterSwitch.line_items?.data.map((item) => item.price?.lookup_key)).toEqual([yearly.lookupKey]);
    expect(afterSwitch.amount_total).toBe(yearly.unitAmount);

    await yearlySwitch.click();
    await expect(page.getByRole('switch', { name: 'Yearly billing' })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('total')).toHaveText(money(monthly.unitAmount));
    // The renewal, from the plan's price: no trial on this profile, so the first payment is today.
    await expect(page.getByTestId('renewal-note')).toHaveText(
      `Then ${money(monthly.unitAmount)} every month, first payment today.`,
    );

    // The club ships coffee: Subscribe waits for an address, and says so.
    await page.getByLabel('Email').fill('buyer@example.com');
    await fillCard(page, '4242 4242 4242 4242');
    const subscribe = page.getByRole('button', { name: 'Subscribe' });
    await expect(subscribe).toBeDisabled();
    await expect(page.getByTestId('pay-reason')).toContainText('shipping address');
    await useClubAddress(page, OREGON, sessionId);
    await subscribe.click();
    await expect(page).toHaveURL(/\/checkout\/return\?session_id=cs_test_/);
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
    await expect(page.getByTestId('receipt')).toContainText(plan.name);
    // The order keeps where the coffee goes, country by name.
    await expect(page.getByTestId('ships-to')).toHaveText(
      'Ships to: Ada Buyer, 1 Pine St, Portland, OR, 97201, United States',
    );
    const paid = await stripe.checkout.sessions.retrieve(sessionId);
    expect(paid.status).toBe('complete');
    expect(paid.payment_status).toBe('paid');
    expect(paid.subscription).toBeTruthy();
    // The storefront's webhook route verified and acknowledged checkout.session.completed.
    await expectWebhookDelivered(sessionId);
  });
}

test('a declined card shows the decline beside Subscribe, focus stays there, and it stays on the checkout', async ({
  page,
}) => {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto(MONTHLY_URL);
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  await useClubAddress(page, OREGON, clientSecret.split('_secret_')[0]!);
  await page.getByLabel('Email').fill('buyer@example.com');
  await fillCard(page, '4000 0000 0000 9995');
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  await subscribe.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/insufficient funds/i);
  await expect(page.getByTestId('pay-error')).toContainText(/insufficient funds/i);
  await expect(subscribe).toHaveAccessibleDescription(/insufficient funds/i);
  await expect(subscribe).toBeFocused();
  await expect(page).toHaveURL(/\/checkout\?/);
});

test('a failed update shows an alert and changes nothing', async ({ page }) => {
  await page.goto(MONTHLY_URL);
  const toggle = page.getByRole('switch', { name: 'Yearly billing' });
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  // The storefront's Stripe client retries a 500 once, so two failures make the update fail for good.
  await injectFault({ method: 'POST', path: '/v1/checkout/sessions/*', count: 2, kind: 'error_500' });
  const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
  await toggle.click();
  const sessionId = sessionIdOf(await switchRequest);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Something went wrong on our end. Please try again later.',
  );
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(toggle).toBeEnabled();
  // The refusal sits beside the switch and describes it; focus is still on it.
  await expect(toggle).toHaveAccessibleDescription(/Something went wrong on our end/);
  await expect(toggle).toBeFocused();
  await expect(page.getByTestId('total')).toHaveText('$24.00');
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['line_items'] });
  expect(session.line_items?.data.map((item) => item.price?.lookup_key)).toEqual([PLANS[0]!.prices.monthly.lookupKey]);
});

test('keyboard only: from the shop to the receipt, address, card fields and email included; focus stays after each step', async ({
  page,
}) => {
  // The one mouse-free start: the shop's address. Everything after it is Tab, Space, Enter and typing.
  await page.goto('/');
  await tabUntilFocused(page, page.getByRole('link', { name: `Subscribe monthly to the ${PLANS[0]!.name}` }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(MONTHLY_URL);
  const toggle = page.getByRole('switch', { name: 'Yearly billing' });
  await expect(toggle).toBeVisible();
  await tabUntilFocused(page, toggle);
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('total')).toHaveText('$240.00');
  await expect(toggle).toBeFocused();

  // The address, field by field (the country list starts at the first country we ship to, the US).
  const form = page.getByRole('group', { name: 'Shipping address' });
  await tabUntilFocused(page, form.getByLabel('Full name'));
  await page.keyboard.type(OREGON.name);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Country')).toBeFocused();
  await expect(form.getByLabel('Country')).toHaveValue('US');
  for (const [label, text] of [
    ['Address line 1', OREGON.line1],
    ['City', OREGON.city],
    ['State', OREGON.state!],
    ['ZIP', OREGON.postalCode],
  ] as const) {
    await tabUntilFocused(page, form.getByLabel(label));
    await page.keyboard.type(text);
  }
  const useAddress = page.getByRole('button', { name: 'Use this address' });
  await tabUntilFocused(page, useAddress);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-reason')).not.toContainText('address');
  await expect(useAddress).toBeFocused();

  await tabUntilFocused(page, page.getByLabel('Email'));
  await page.keyboard.type('keys@example.com');
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await page.keyboard.press('Tab');
  await expect(frame.getByLabel('Card number')).toBeFocused();
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  await expect(subscribe).toBeEnabled();
  await tabUntilFocused(page, subscribe);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(page.getByTestId('ships-to')).toContainText('1 Pine St');
});

async function tabUntilFocused(page: import('@playwright/test').Page, target: import('@playwright/test').Locator) {
  for (let presses = 0; presses < 30; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Could not reach the element with Tab');
}

test('coming back before paying resumes the same checkout; another browser cannot', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto(MONTHLY_URL);
  const switchRequest = page.waitForRequest('**/api/change-subscription-interval');
  await page.getByRole('switch', { name: 'Yearly billing' }).click();
  const sessionId = sessionIdOf(await switchRequest);
  await expect(page.getByTestId('total')).toHaveText('$240.00');

  await page.goto(`/checkout/return?session_id=${sessionId}`);
  await expect(page).toHaveURL(`/checkout?session_id=${sessionId}`);
  await expect(page.getByRole('switch', { name: 'Yearly billing' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('total')).toHaveText('$240.00');

  const stranger = await browser.newPage();
  await stranger.route(/stripe\.com/, (route) => route.abort());
  await stranger.goto(`${baseURL}/checkout/return?session_id=${sessionId}`);
  await expect(stranger.getByRole('main').getByRole('alert')).toContainText('another browser');
  await stranger.goto(`${baseURL}/checkout?session_id=${sessionId}`);
  await expect(stranger.getByRole('main').getByRole('alert')).toContainText('belongs to another browser');
  await stranger.close();
});
