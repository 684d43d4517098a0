// The growers' contribution (the seed's sibling page, payment amounts), in Chromium: the server prices a share of
// the paid subtotal as its own line, re-prices it when the cart changes, no promotion code discounts it, and the
// receipt keeps it. Stripe's session is read back at each step.
import { CONTRIBUTION } from '../lib/catalog';
import {
  expect,
  expectWebhookDelivered,
  fillCard,
  OREGON,
  sessionIdOf,
  stripe,
  test,
  useShippingAddress,
} from './support';

/** The session's contribution line at Stripe, as `[amount, description]`, or null. */
async function contributionAt(sessionId: string) {
  const lines = (await stripe.checkout.sessions.listLineItems(sessionId)).data;
  const line = lines.find((item) => item.description === CONTRIBUTION.name);
  return line ? { amount: line.amount_total, unitAmount: line.price?.unit_amount ?? null } : null;
}

test('5 % for the growers: priced by the server, re-priced with the cart, never discounted, on the receipt', async ({
  page,
}) => {
  await page.goto('/checkout?item=house-blend');
  // Oregon has no sales tax in the shop's table; standard shipping is $6.00 under $60.00.
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await expect(page.getByTestId('total')).toHaveText('$22.00');

  // 5 % of $16.00 is $0.80: its own line, untaxed, at the price the server set.
  const growers = page.getByRole('group', { name: 'Support the growers' });
  const chosen = page.waitForRequest('**/api/checkout/contribution');
  // The radio shows what the session holds, so it turns checked once the update has landed: a click, not check().
  await growers.getByLabel('5 %').click();
  const sessionId = sessionIdOf(await chosen);
  await expect(page.getByTestId('total')).toHaveText('$22.80');
  await expect(growers.getByLabel('5 %')).toBeChecked();
  expect(await contributionAt(sessionId)).toEqual({ amount: 80, unitAmount: 80 });

  // Three bags ($48.00): every cart change prices the share again, on the new subtotal ($2.40).
  const beans = page.getByLabel('Quantity of House Blend, 340 g');
  await beans.fill('3');
  await beans.press('Enter');
  await expect(page.getByTestId('total')).toHaveText('$56.40');
  expect(await contributionAt(sessionId)).toEqual({ amount: 240, unitAmount: 240 });

  // WELCOME10 takes 10 % off the products only ($4.80), not off the contribution.
  await page.getByLabel('Promo code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('total')).toHaveText('$51.60');
  const discounted = await stripe.checkout.sessions.retrieve(sessionId);
  expect(discounted.total_details?.amount_discount).toBe(480);
  expect(await contributionAt(sessionId)).toEqual({ amount: 240, unitAmount: 240 });

  await page.getByLabel('Email').fill('growers@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $51.60' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expectWebhookDelivered(sessionId);
  // The recorded order's receipt: the contribution is its own line, at what was charged.
  await page.reload();
  await expect(page.getByTestId('order-number')).toBeVisible();
  await expect(page.getByTestId('receipt').locator('div').filter({ hasText: CONTRIBUTION.name })).toContainText(
    '$2.40',
  );
  await expect(page.getByTestId('receipt-total')).toHaveText('$51.60');
});

test('none removes the line; a share that is not offered is refused and changes nothing', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const growers = page.getByRole('group', { name: 'Support the growers' });
  const chosen = page.waitForRequest('**/api/checkout/contribution');
  await growers.getByLabel('2 %').click();
  const sessionId = sessionIdOf(await chosen);
  await expect(page.getByTestId('total')).toHaveText('$22.32');
  await expect(growers.getByLabel('2 %')).toBeChecked();
  expect(await contributionAt(sessionId)).toEqual({ amount: 32, unitAmount: 32 });

  // 3 % is not a share the shop offers: 400, and the session keeps its 2 %.
  const refused = await page.evaluate(async (id) => {
    const response = await fetch('/api/checkout/contribution', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ checkout_session_id: id, percent: 3 }),
    });
    return { status: response.status, body: await response.json() };
  }, sessionId);
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ type: 'error' });
  expect(await contributionAt(sessionId)).toEqual({ amount: 32, unitAmount: 32 });

  await growers.getByLabel('None').click();
  await expect(growers.getByLabel('None')).toBeChecked();
  await expect(page.getByTestId('total')).toHaveText('$22.00');
  expect(await contributionAt(sessionId)).toBeNull();
});
