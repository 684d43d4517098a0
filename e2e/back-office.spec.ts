// The back office (/admin) on the production build: refused without the password (pages and mutations), and,
// signed in, an owner finding an order by email, refunding one line of two, and seeing the stock and the
// order change; a refund or a cancellation not confirmed does nothing; a refund form sent twice refunds once; a
// plan order cancelled with its payment refunded; a refund made directly at the local Stripe (as from the
// Dashboard) reaches the order once though its webhook comes twice; the order confirmation in the outbox, with no
// send button while the shop has no mail server; axe, at a desktop's width and a phone's.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { formatMoney } from '../lib/format';
import { expectNoSeriousViolations } from './axe';
import { APP_ORIGIN, BROWSER_HEADERS, newBuyer, payLikeStripeJs, SEED_ORIGIN, send } from './raw-http';
import { expect, stripe, test } from './support';

const PASSWORD = process.env.E2E_ADMIN_PASSWORD!;
const SECRET = process.env.E2E_WEBHOOK_SECRET!;
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: APP_ORIGIN };
const ADDRESS = {
  name: 'Ada Buyer',
  address: { line1: '1 Pine St', city: 'Portland', state: 'OR', postal_code: '97201', country: 'US' },
};

/** A paid order of two bags and one mug, by a buyer with an email of its own; the session read back from Stripe. */
async function paidOrder(email = `owner-test-${randomUUID().slice(0, 8)}@example.com`) {
  const buyer = await newBuyer({
    kind: 'products',
    items: [
      { productId: 'house-blend', quantity: 2 },
      { productId: 'ceramic-mug', quantity: 1 },
    ],
  });
  const address = await send(
    '/api/checkout/shipping-address',
    { ...BROWSER_HEADERS, cookie: buyer.cookie },
    JSON.stringify({ checkout_session_id: buyer.sessionId, shipping_details: ADDRESS }),
  );
  expect(address.status, address.text).toBe(200);
  await payLikeStripeJs(buyer, { email });
  const session = await stripe.checkout.sessions.retrieve(buyer.sessionId, { expand: ['line_items'] });
  return { email, session, paymentIntent: String(session.payment_intent) };
}

async function signIn(page: Page) {
  await page.goto('/admin/login');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
}

/** Finds the order by its buyer's email (once the webhook has recorded it) and opens it; returns its number. */
async function openOrderByEmail(page: Page, email: string): Promise<number> {
  await expect(async () => {
    await page.goto(`/admin/orders?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole('link', { name: /^#\d+$/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const link = page.getByRole('link', { name: /^#\d+$/ });
  const orderId = Number((await link.textContent())!.slice(1));
  await link.click();
  await expect(page.getByRole('heading', { name: `Order #${orderId}` })).toBeVisible();
  return orderId;
}

const stockOf = async (page: Page, name: string) => {
  await page.goto('/admin/stock');
  return Number(
    await page
      .getByRole('row', { name: new RegExp(`^${name}`) })
      .getByRole('cell')
      .first()
      .textContent(),
  );
};

const refunded = async (paymentIntent: string) => (await stripe.refunds.list({ payment_intent: paymentIntent })).data;

test('without the password, pages send to sign-in and every mutation is refused with nothing changed', async ({
  page,
  request,
}) => {
  for (const path of ['/admin', '/admin/orders', '/admin/orders/1', '/admin/stock', '/admin/emails']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('That password is not right.');

  const stock = await (await request.get('/')).text();
  for (const [path, body] of [
    ['/api/admin/stock', 'product_id=ceramic-mug&change=set&units=0'],
    ['/api/admin/orders/1/refund', `form_key=${randomUUID()}&scope=order`],
    ['/api/admin/orders/1/cancel', `form_key=${randomUUID()}&refund=on`],
    ['/api/admin/emails/1/send', 'page=1'],
  ] as const) {
    const response = await send(path, FORM, body);
    expect(response.status, path).toBe(401);
  }
  expect(await (await request.get('/')).text()).toBe(stock);
  // A server without ADMIN_PASSWORD: the back office is off, says how to turn it on, and refuses mutations.
  const off = await (await fetch(`${SEED_ORIGIN}/admin/login`)).text();
  expect(off).toContain('The back office is off');
  expect(off).toContain('ADMIN_PASSWORD');
  expect(
    (
      await send(
        '/api/admin/stock',
        { ...FORM, origin: SEED_ORIGIN },
        'product_id=ceramic-mug&change=set&units=0',
        SEED_ORIGIN,
      )
    ).status,
  ).toBe(404);
});

test('signed in, a form from another origin is refused', async ({ page }) => {
  await signIn(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await send(
    '/api/admin/stock',
    { ...FORM, origin: 'https://evil.example', cookie },
    'product_id=ceramic-mug&change=set&units=0',
  );
  expect(response.status).toBe(403);
});

test('an owner finds an order by email, refunds one line of two, and sees the stock and the order change', async ({
  page,
}) => {
  const { email, session, paymentIntent } = await paidOrder();
  await signIn(page);
  const mugsBefore = await stockOf(page, 'Ceramic mug');
  const orderId = await openOrderByEmail(page, email);
  const mug = session.line_items!.data.find((item) => item.description === 'Ceramic mug')!;
  await expect(page.getByText(`Total paid${formatMoney(session.amount_total!, 'usd')}`)).toBeVisible();
  await expect(page.getByText(`${session.payment_intent}`)).toBeVisible();
  await expectNoSeriousViolations(page, 'the order page');

  await page.getByLabel(/^Ceramic mug \(1 of 1 left\)/).fill('1');
  await page.getByLabel('Put the refunded units back in stock').check();
  // Not sent until the owner confirms: the browser stops at the unticked box, and no money moves.
  const confirm = page.getByRole('checkbox', { name: /^I understand: the money goes back to the buyer/ });
  await page.getByRole('button', { name: 'Refund' }).click();
  expect(await confirm.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await expect(page.getByRole('status')).toHaveCount(0);
  expect(await refunded(paymentIntent)).toEqual([]);
  await confirm.check();
  await page.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Refunded ${formatMoney(mug.amount_total, 'usd')}, and the units are back in stock.`,
  );
  // The outcome has focus on arrival: read first, and the next Tab goes on from it.
  await expect(page.getByRole('status')).toBeFocused();
  await expect(page.getByText(/^Partially refunded/)).toBeVisible();
  await expect(
    page
      .getByRole('row', { name: /Ceramic mug/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('1 of 1');
  await expect(page.getByText(`Refunded ${formatMoney(mug.amount_total, 'usd')} from the back office`)).toBeVisible();
  await expect(page.getByText(`Refunded${formatMoney(mug.amount_total, 'usd')}`)).toBeVisible();

  // At Stripe: one refund of the mug's line as charged; on the shelf: the mug is back.
  expect((await refunded(paymentIntent)).map((r) => r.amount)).toEqual([mug.amount_total]);
  expect(
    (await stripe.paymentIntents.retrieve(paymentIntent, { expand: ['latest_charge'] })).latest_charge,
  ).toMatchObject({ amount_refunded: mug.amount_total, refunded: false });
  expect(await stockOf(page, 'Ceramic mug')).toBe(mugsBefore + 1);
  await expectNoSeriousViolations(page, 'the stock page');

  // The refund notice and the confirmation are in the outbox.
  await page.goto('/admin/emails');
  await expect(page.getByText(`A refund for your order #${orderId}`)).toBeVisible();
  await expectNoSeriousViolations(page, 'the emails page');
});

test('a refund form sent twice refunds once', async ({ page }) => {
  const { email, session, paymentIntent } = await paidOrder();
  await signIn(page);
  const orderId = await openOrderByEmail(page, email);
  const formKey = await page.locator('input[name="form_key"]').getAttribute('value');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  // Without the confirm box (the browser would not send it): refused with a message, nothing refunded.
  const unconfirmed = await send(
    `/api/admin/orders/${orderId}/refund`,
    { ...FORM, cookie },
    `form_key=${formKey}&scope=lines&qty_0=1&restock=on`,
  );
  expect(unconfirmed.status).toBe(303);
  expect(decodeURIComponent(String(unconfirmed.headers['set-cookie']))).toContain('Nothing was refunded');
  expect(await refunded(paymentIntent)).toEqual([]);
  const body = `form_key=${formKey}&scope=lines&qty_0=1&restock=on&confirm=on`;
  const [first, second] = await Promise.all(
    [0, 1].map(() => send(`/api/admin/orders/${orderId}/refund`, { ...FORM, cookie }, body)),
  );
  expect([first!.status, second!.status]).toEqual([303, 303]);
  const third = await send(`/api/admin/orders/${orderId}/refund`, { ...FORM, cookie }, body);
  expect(third.status).toBe(303);
  const beans = session.line_items!.data.find((item) => item.description === 'House Blend, 340 g')!;
  const one = Math.floor(beans.amount_total / 2);
  expect((await refunded(paymentIntent)).map((r) => r.amount)).toEqual([one]);
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByText(`Refunded${formatMoney(one, 'usd')}`)).toBeVisible();
  await expect(page.getByText(/from the back office/)).toHaveCount(1);
});

test('a plan order: without the confirm box nothing is cancelled; confirmed, the subscription ends at Stripe and its payment is refunded', async ({
  page,
}) => {
  const email = `plan-owner-${randomUUID().slice(0, 8)}@example.com`;
  const buyer = await newBuyer();
  await payLikeStripeJs(buyer, { email, clubAddress: true });
  const subscriptionId = String((await stripe.checkout.sessions.retrieve(buyer.sessionId)).subscription);
  await signIn(page);
  const orderId = await openOrderByEmail(page, email);
  const paid = /Its latest payment: (\$[\d.,]+)\./.exec(
    (await page.getByText(/^Its latest payment/).textContent())!,
  )![1];

  // A cancellation sent without the box (the browser would not send it): refused with a message, nothing done.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const unconfirmed = await send(
    `/api/admin/orders/${orderId}/cancel`,
    { ...FORM, cookie },
    `form_key=${randomUUID()}&refund=on`,
  );
  expect(unconfirmed.status).toBe(303);
  expect(decodeURIComponent(String(unconfirmed.headers['set-cookie']))).toContain('Nothing was cancelled');
  expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');

  await page.getByLabel('Also refund what is left of its latest payment').check();
  await page.getByRole('button', { name: 'Cancel the subscription' }).click();
  await expect(page.getByRole('status')).toHaveCount(0);
  expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  await page.getByRole('checkbox', { name: /^I understand: cancelling ends it at once/ }).check();
  await page.getByRole('button', { name: 'Cancel the subscription' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `The subscription is cancelled and ${paid} of its latest payment is refunded.`,
  );
  await expect(page.getByText('The subscription is cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel the subscription' })).toHaveCount(0);

  // At Stripe: the subscription has ended, and one refund of what it paid carries this order's id.
  expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('canceled');
  const refunds = (await stripe.refunds.list({ limit: 100 })).data.filter(
    (r) => r.metadata?.order_id === String(orderId),
  );
  expect(refunds.map((r) => formatMoney(r.amount, r.currency))).toEqual([paid]);
});

test('a refund made directly at the local Stripe reaches the order once, though its webhook comes twice', async ({
  page,
  request,
}) => {
  const { email, session, paymentIntent } = await paidOrder();
  await signIn(page);
  const orderId = await openOrderByEmail(page, email);
  const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 500 });
  // Stripe delivered refund.created; it comes again, twice, signed as Stripe signs it.
  const event = (await stripe.events.list({ type: 'refund.created', limit: 20 })).data.find(
    (e) => (e.data.object as { id: string }).id === refund.id,
  )!;
  await expect.poll(async () => (await stripe.events.retrieve(event.id)).pending_webhooks, { timeout: 10_000 }).toBe(0);
  const payload = JSON.stringify(event);
  for (let i = 0; i < 2; i++) {
    const response = await request.post('/api/webhooks/stripe', {
      data: payload,
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
      },
    });
    expect(response.status()).toBe(200);
  }
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByText(`Refunded${formatMoney(500, 'usd')}`)).toBeVisible();
  await expect(page.getByText(/from Stripe \(the Dashboard or the API\)/)).toHaveCount(1);
  await expect(page.getByText(/^Partially refunded/)).toBeVisible();
  expect(session.amount_total).toBeGreaterThan(500);
});

test('the confirmation email of a paid order is in the outbox with its totals; axe on the list pages', async ({
  page,
}) => {
  const { email, session } = await paidOrder();
  await signIn(page);
  await expectNoSeriousViolations(page, 'the orders list');
  const orderId = await openOrderByEmail(page, email);
  await page.goto('/admin/emails');
  const row = page.getByRole('row').filter({ hasText: `Your order #${orderId} at` });
  await expect(row).toContainText(email);
  await row.getByText(`Your order #${orderId} at`).click();
  const body = row.locator('pre');
  await expect(body).toContainText(
    new RegExp(`Total paid\\s+${formatMoney(session.amount_total!, 'usd').replace('$', '\\$')}`),
  );
  await expect(body).toContainText(
    new RegExp(`Subtotal\\s+${formatMoney(session.amount_subtotal!, 'usd').replace('$', '\\$')}`),
  );
  await expect(body).toContainText('2 × House Blend, 340 g');
  await expect(body).toContainText('Portland');
});

test('without a mail server the outbox offers no send button, and a send asked for anyway says why it cannot', async ({
  page,
}) => {
  await paidOrder();
  await signIn(page);
  await page.goto('/admin/emails');
  await expect(page.getByRole('row').nth(1)).toContainText('In the outbox');
  await expect(page.getByRole('button', { name: /^Send (again|now)/ })).toHaveCount(0);
  const response = await page.request.post('/api/admin/emails/1/send', {
    form: { page: '1' },
    headers: { origin: APP_ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(/\/admin\/emails$/);
  await page.goto('/admin/emails');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/no mail server yet \(SMTP_URL is not set\)/);
  await expect(page.getByRole('row').nth(1)).toContainText('In the outbox');
});

test('on a phone (390 px) every back-office page fits its width, tables read as labelled cards, and axe finds nothing serious', async ({
  page,
}) => {
  const { email } = await paidOrder();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const orderId = await openOrderByEmail(page, email);
  for (const path of ['/admin/orders', `/admin/orders/${orderId}`, '/admin/stock', '/admin/emails']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: /^Cart/ }), `${path} shows no buyer's cart`).toHaveCount(0);
    await expectNoSeriousViolations(page, `${path} on a phone`);
  }
  await page.goto(`/admin/orders?q=${encodeURIComponent(email)}`);
  const total = page.getByRole('cell').filter({ hasText: /^\$/ }).first();
  expect(await total.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Total"');
});

test('axe on the sign-in page and on the off page', async ({ page }) => {
  await page.goto('/admin/login');
  await expectNoSeriousViolations(page, 'the sign-in page');
  await page.goto(`${SEED_ORIGIN}/admin/login`);
  await expect(page.getByRole('heading', { name: 'The back office is off' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the off page');
});
