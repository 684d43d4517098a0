// The local Stripe.js driven by the real @stripe/react-stripe-js in Chromium, against the local Stripe
// started in this process. Nothing may reach a stripe.com host.
import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import { createLocalStripe } from '../emulator';
import { startTestShop, type TestShop } from './local-stripe-js/test-server';
import { localOnlyReason, REAL_STRIPE } from './real-stripe';

test.skip(REAL_STRIPE, localOnlyReason('local-stripe-js.spec.ts'));

const PUBLISHABLE_KEY = 'pk_test_local';
let local: { url: string; close(): Promise<void> | void };
let stripe: Stripe;
let shop: TestShop;
let teePrice: string;
const secrets = new Map<string, string>();

test.beforeAll(async () => {
  local = await createLocalStripe().listen(0, '127.0.0.1');
  const port = Number(new URL(local.url).port);
  stripe = new Stripe('sk_test_local', { host: '127.0.0.1', port, protocol: 'http', telemetry: false });
  const tee = await stripe.products.create({ name: 'T-shirt' });
  const gift = await stripe.products.create({ name: 'Gift wrap' });
  teePrice = (await stripe.prices.create({ product: tee.id, unit_amount: 1500, currency: 'usd' })).id;
  const giftPrice = (await stripe.prices.create({ product: gift.id, unit_amount: 500, currency: 'usd' })).id;
  const shippingRate = (
    await stripe.shippingRates.create({
      display_name: 'Standard',
      type: 'fixed_amount',
      fixed_amount: { amount: 500, currency: 'usd' },
    })
  ).id;
  const taxRate = (await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 8.25, inclusive: false })).id;
  const coupon = await stripe.coupons.create({ percent_off: 10, name: '10 % off' });
  await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'WELCOME10' });
  shop = await startTestShop({
    stripe,
    stripeOrigin: new URL(local.url).origin,
    publishableKey: PUBLISHABLE_KEY,
    giftPrice,
    shippingRate,
    taxRate,
    secrets,
  });
});

test.afterAll(async () => {
  await shop?.close();
  await local?.close();
});

// Records every request of the page and its frames; any stripe.com request is aborted and reported.
async function guardStripeCom(page: Page): Promise<string[]> {
  const stripeCom: string[] = [];
  page.on('request', (request) => {
    if (/(^|\.)stripe\.com$/.test(new URL(request.url()).hostname)) stripeCom.push(request.url());
  });
  await page.context().route(/^https?:\/\/([^/]*\.)?stripe\.com\//, (route) => route.abort());
  return stripeCom;
}

async function openCheckout(page: Page): Promise<string> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'elements',
    line_items: [{ price: teePrice, quantity: 2 }],
    customer_email: 'buyer@example.com',
    return_url: `${shop.url}/return?session_id={CHECKOUT_SESSION_ID}`,
  });
  secrets.set(session.id, session.client_secret!);
  await page.goto(`${shop.url}/checkout?session=${session.id}`);
  return session.id;
}

test('the shipping address element offers the allowed countries; the server sets address, option and tax; a promotion code applies', async ({
  page,
}) => {
  const stripeCom = await guardStripeCom(page);
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'elements',
    line_items: [{ price: teePrice, quantity: 2 }],
    customer_email: 'buyer@example.com',
    permissions: { update_shipping_details: 'server_only' },
    shipping_address_collection: { allowed_countries: ['US', 'CA'] },
    allow_promotion_codes: true,
    return_url: `${shop.url}/return?session_id={CHECKOUT_SESSION_ID}`,
  });
  secrets.set(session.id, session.client_secret!);
  await page.goto(`${shop.url}/checkout?session=${session.id}&shipping=1`);
  // A complete card is not enough while the session has no address and no shipping option.
  await fillCard(page, '4242 4242 4242 4242');
  await expect(page.getByTestId('can-confirm')).toHaveText('Can confirm false');
  await expect(page.getByLabel('Country').locator('option')).toHaveText(['United States', 'Canada']);
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address line 1').fill('1 Main St');
  await page.getByLabel('City').fill('Austin');
  await page.getByLabel('State').fill('TX');
  await page.getByLabel('ZIP').fill('78701');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('status')).toHaveText('Address saved');
  // 3000 + 8.25 % (247.5 → 248) + 500 shipping
  await expect(page.getByTestId('tax')).toHaveText('Tax $2.48');
  await expect(page.getByTestId('total')).toHaveText('Total $37.48');
  await expect(page.getByTestId('can-confirm')).toHaveText('Can confirm true');

  await page.getByLabel('Promo code').fill('NOPE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toHaveText('invalidCode: This code is invalid.');
  await page.getByLabel('Promo code').fill('welcome10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toHaveText('Code applied');
  // 3000 − 300 = 2700, tax 222.75 → 223, + 500
  await expect(page.getByTestId('discount')).toHaveText('Discount WELCOME10 $3.00');
  await expect(page.getByTestId('total')).toHaveText('Total $34.23');
  const back = await stripe.checkout.sessions.retrieve(session.id);
  expect(back.collected_information?.shipping_details?.address?.state).toBe('TX');
  expect(back.total_details?.amount_discount).toBe(300);
  expect(stripeCom).toEqual([]);
});

async function fillCard(page: Page, number: string) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill('12 / 34');
  await frame.getByLabel('Security code').fill('123');
}

test('the session renders and a server update in runServerUpdate changes the line items', async ({ page }) => {
  const stripeCom = await guardStripeCom(page);
  await openCheckout(page);
  const items = page.getByRole('list', { name: 'Line items' }).getByRole('listitem');
  await expect(items).toHaveText(['T-shirt × 2: $30.00']);
  await expect(page.getByTestId('total')).toHaveText('Total $30.00');

  await page.getByRole('button', { name: 'Add a gift' }).click();
  await expect(page.getByRole('status')).toHaveText('Gift added');
  await expect(items).toHaveText(['T-shirt × 2: $30.00', 'Gift wrap × 1: $5.00']);
  await expect(page.getByTestId('total')).toHaveText('Total $35.00');
  expect(stripeCom).toEqual([]);
});

test('the Payment Element validates inline and a declined card shows the decline', async ({ page }) => {
  const stripeCom = await guardStripeCom(page);
  const sessionId = await openCheckout(page);
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Card number').fill('4242 4242');
  await frame.getByLabel('Expiration date').click();
  await expect(frame.getByText('Your card number is incomplete.')).toBeVisible();

  await fillCard(page, '4000 0000 0000 9995');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('status')).toContainText(/insufficient funds/i);
  expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe('open');
  expect(stripeCom).toEqual([]);
});

test('a good card redirects to the return URL and completes the session', async ({ page }) => {
  const stripeCom = await guardStripeCom(page);
  const sessionId = await openCheckout(page);
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(`${shop.url}/return?session_id=${sessionId}`);
  await expect(page.getByRole('heading', { name: 'Thanks for your order' })).toBeVisible();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  expect(session.status).toBe('complete');
  expect(session.payment_status).toBe('paid');
  expect(stripeCom).toEqual([]);
});
