// The local Stripe's dashboard, served by the local Stripe at its own URL: a checkout paid through the
// storefront shows there with its completion event and the webhook delivery; "Redeliver" sends the same
// event again, the storefront acknowledges it and records nothing twice (same order number, stock taken once).
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { LOCAL_STRIPE_URL } from './config';
import { onShelf } from './stock';
import { expect, expectWebhookDelivered, fillCard, OREGON, test, useShippingAddress } from './support';

/** Buys one bag of House Blend through the storefront; resolves with the session id and the receipt's order number. */
async function buyHouseBlend(page: Page): Promise<{ sessionId: string; orderNumber: string }> {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?item=house-blend');
  const sessionId = ((await (await created).json()) as { clientSecret: string }).clientSecret.split('_secret_')[0]!;
  // eslint-disable-next-line react-hooks/rules-of-hooks -- an e2e helper whose name starts with "use", not a React hook
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page.getByLabel('Email').fill('dashboard@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expectWebhookDelivered(sessionId);
  const orderNumber = page.getByTestId('order-number');
  await expect(async () => {
    await page.reload();
    await expect(orderNumber).toHaveText(/^Order number: \d+$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return { sessionId, orderNumber: (await orderNumber.textContent()) ?? '' };
}

test('a paid checkout shows with its event and delivery; Redeliver sends it again and the storefront records nothing twice', async ({
  page,
}) => {
  const stockBefore = await onShelf('house-blend');
  const { sessionId, orderNumber } = await buyHouseBlend(page);
  const returnUrl = page.url();
  await expect.poll(() => onShelf('house-blend')).toBe(stockBefore - 1);

  await page.goto(`${LOCAL_STRIPE_URL}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout Sessions' })).toBeVisible();
  const row = page.locator(`tr[data-session="${sessionId}"]`);
  await expect(row).toContainText('complete');
  await expect(row).toContainText('paid');
  await row.getByRole('link', { name: sessionId }).click();
  await expect(page).toHaveURL(`${LOCAL_STRIPE_URL}/checkout/sessions/${sessionId}`);
  await expect(page.getByTestId('session-status')).toHaveText('complete');
  await expect(page.getByRole('table', { name: 'Line items' })).toContainText('House Blend, 340 g');

  const completed = page.getByRole('region', { name: /^checkout\.session\.completed/ });
  const deliveries = completed.getByTestId('delivery');
  await expect(deliveries).toHaveCount(1);
  await expect(deliveries.first()).toContainText('/api/webhooks/stripe');
  await expect(deliveries.first()).toContainText('Succeeded');
  await expect(deliveries.first().getByRole('cell', { name: '200', exact: true })).toBeVisible();

  await completed.getByRole('button', { name: /^Redeliver checkout\.session\.completed/ }).click();
  await expect(page).toHaveURL(`${LOCAL_STRIPE_URL}/checkout/sessions/${sessionId}#events`);
  await expect(deliveries).toHaveCount(2);
  await expect(deliveries.nth(1)).toContainText('(redelivery)');
  await expect(deliveries.nth(1).getByRole('cell', { name: '200', exact: true })).toBeVisible();

  // The storefront acknowledged the same event again and did nothing with it: one order, stock taken once.
  await page.goto(returnUrl);
  await expect(page.getByTestId('order-number')).toHaveText(orderNumber);
  expect(await onShelf('house-blend')).toBe(stockBefore - 1);
});

test('the dashboard pages pass axe', async ({ page }) => {
  const { sessionId } = await buyHouseBlend(page);
  for (const [path, heading] of [
    ['/', 'Checkout Sessions'],
    [`/checkout/sessions/${sessionId}`, `Checkout Session ${sessionId}`],
    ['/requests', 'Request log'],
    ['/controls', 'Faults, clock, latency, reset'],
  ] as const) {
    await page.goto(`${LOCAL_STRIPE_URL}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousViolations(page, `the dashboard at ${path}`);
  }
});

test('a form posted from another site changes nothing', async ({ page }) => {
  // The storefront's origin is another site to the local Stripe: a form posted from it is refused.
  const latency = async () =>
    (await (await fetch(`${LOCAL_STRIPE_URL}/_emulator/latency`)).json()) as { ms: string; description: string };
  const before = await latency();
  await page.goto('/');
  const status = await page.evaluate(async (url) => {
    const response = await fetch(`${url}/controls/latency`, {
      method: 'POST',
      mode: 'no-cors',
      body: new URLSearchParams({ ms: '4000' }),
    });
    return response.type;
  }, LOCAL_STRIPE_URL);
  expect(status).toBe('opaque');
  expect(await latency()).toEqual(before);
  await page.goto(`${LOCAL_STRIPE_URL}/controls`);
  await expect(page.getByTestId('latency-setting')).toHaveText(before.description);
});
