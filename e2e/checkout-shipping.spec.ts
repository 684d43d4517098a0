// Issue 13 in Chromium: the shipping address step, the options and the tax the server decides for it, the
// free-shipping threshold, and an order that holds the address, the tax and the shipping. Totals are
// computed from the catalog's table, to the cent.
import { FREE_SHIPPING_THRESHOLD, SHIPPING_RATES } from '../lib/catalog';
import { lineTax, taxRateFor } from '../lib/checkout/tax';
import { expect, fillCard, stripe, test, useShippingAddress, type TestAddress } from './support';

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const rate = (id: string) => SHIPPING_RATES.find((candidate) => candidate.id === id)!;
const SACRAMENTO: TestAddress = {
  name: 'Ada Buyer',
  country: 'US',
  line1: '1 Capitol Mall',
  city: 'Sacramento',
  state: 'CA',
  postalCode: '95814',
};
const BERLIN: TestAddress = {
  name: 'Ada Buyer',
  country: 'DE',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
};

test('a US address in a taxed state, then Germany, then a country we do not ship to; past the threshold standard is free; pay', async ({
  page,
}) => {
  const created = page.waitForResponse('**/api/checkout/sessions');
  await page.goto('/checkout?item=house-blend');
  const { clientSecret } = (await (await created).json()) as { clientSecret: string };
  const sessionId = clientSecret.split('_secret_')[0]!;
  const delivery = page.getByRole('group', { name: 'Delivery' });
  const pay = page.getByRole('button', { name: /^Pay/ });

  // No address yet: no options, no tax, and the Pay button waits.
  await expect(page.getByTestId('total')).toHaveText('$16.00');
  await expect(delivery).toHaveCount(0);
  await page.getByLabel('Email').fill('ship@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await expect(pay).toBeDisabled();

  // California: standard and express, sales tax on top.
  expect(await useShippingAddress(page, SACRAMENTO)).toBe(200);
  await expect(delivery.getByRole('radio')).toHaveCount(2);
  await expect(delivery.getByLabel('Standard shipping')).toBeChecked();
  const caTax = lineTax(1600, taxRateFor({ country: 'US', state: 'CA' }));
  await expect(page.getByTestId('tax')).toHaveText(money(caTax));
  await expect(page.getByTestId('total')).toHaveText(money(1600 + rate('standard').amount + caTax));
  await expect(pay).toBeEnabled();

  // Germany: the international rate only, VAT inside the price.
  expect(await useShippingAddress(page, BERLIN)).toBe(200);
  await expect(delivery.getByRole('radio')).toHaveCount(1);
  await expect(delivery.getByLabel('International shipping')).toBeChecked();
  await expect(page.getByTestId('tax')).toHaveCount(0);
  await expect(page.getByTestId('tax-included')).toHaveText(money(lineTax(1600, taxRateFor({ country: 'DE' }))));
  await expect(page.getByTestId('total')).toHaveText(money(1600 + rate('international').amount));

  // A country we don't ship to (a page that offered it, say): an alert, and nothing changes.
  await page.route('**/api/checkout/shipping-address', async (route) => {
    const body = route.request().postDataJSON() as { shipping_details: { address: Record<string, string> } };
    body.shipping_details.address.country = 'JP';
    await route.continue({ postData: JSON.stringify(body) });
  });
  expect(await useShippingAddress(page, BERLIN)).toBe(400);
  await page.unroute('**/api/checkout/shipping-address');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText("We don't ship to Japan.");
  await expect(page.getByTestId('total')).toHaveText(money(1600 + rate('international').amount));
  expect(
    (await stripe.checkout.sessions.retrieve(sessionId)).collected_information?.shipping_details?.address.country,
  ).toBe('DE');

  // Back to California, then beans past the threshold: standard becomes free, the tax follows the lines.
  expect(await useShippingAddress(page, SACRAMENTO)).toBe(200);
  const quantity = Math.ceil(FREE_SHIPPING_THRESHOLD / 1600); // 4 × $16.00 = $64.00
  const beans = page.getByLabel('Quantity of House Blend, 340 g');
  await beans.fill(String(quantity));
  await beans.press('Enter');
  await expect(delivery.getByLabel('Free standard shipping')).toBeChecked();
  await expect(delivery.getByLabel('Standard shipping', { exact: true })).toHaveCount(0);
  const subtotal = 1600 * quantity;
  const tax = lineTax(subtotal, taxRateFor({ country: 'US', state: 'CA' }));
  await expect(page.getByTestId('tax')).toHaveText(money(tax));
  await expect(page.getByTestId('total')).toHaveText(money(subtotal + tax));

  // Pay: the receipt (from the order the webhook records) holds the address, the tax and the shipping.
  await delivery.getByLabel('Express shipping').click();
  const total = subtotal + tax + rate('express').amount;
  await expect(page.getByTestId('total')).toHaveText(money(total));
  await page.getByRole('button', { name: `Pay ${money(total)}` }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('order-number')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const receipt = page.getByTestId('receipt');
  // In the order of the charge: lines, subtotal, shipping with its method, tax with its rate and place, total.
  await expect(receipt.locator('dt')).toHaveText([
    'House Blend, 340 g × 4',
    'Subtotal',
    'Shipping — Express shipping',
    'Tax (CA 7.25 %)',
    'Total paid',
  ]);
  await expect(page.getByTestId('receipt-shipping')).toContainText(money(rate('express').amount));
  await expect(page.getByTestId('receipt-tax')).toContainText(money(tax));
  await expect(page.getByTestId('ships-to')).toContainText('1 Capitol Mall');
  await expect(page.getByTestId('ships-to')).toContainText('95814');
  await expect(page.getByTestId('ships-to')).toContainText('United States');
  await expect(page.getByTestId('receipt-total')).toHaveText(money(total));
});

test('an incomplete address: an alert, and no request', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  await expect(page.getByTestId('total')).toHaveText('$16.00');
  await page.getByRole('group', { name: 'Shipping address' }).getByLabel('Full name').fill('Ada Buyer');
  let requests = 0;
  page.on('request', (request) => void (request.url().includes('/api/checkout/shipping-address') && requests++));
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please complete your shipping address.' })).toBeVisible();
  // The element marks its own fields, as Stripe's does: the missing ones are invalid, with their message.
  const city = page.getByRole('group', { name: 'Shipping address' }).getByLabel('City');
  await expect(city).toHaveAttribute('aria-invalid', 'true');
  await expect(city).toHaveAccessibleDescription('This field is incomplete.');
  await expect(page.getByRole('group', { name: 'Shipping address' }).getByLabel('Full name')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  expect(requests).toBe(0);
});
