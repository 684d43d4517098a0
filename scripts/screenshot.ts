// `npm run screenshot`: remakes the README's pictures from a running storefront (`npm run dev`, or a
// production build on the local Stripe). SCREENSHOT_URL picks the server. Each picture is taken at a
// desktop width (1280) and a phone's (390): the club's checkout, a product checkout with its address,
// options and tax, and the shop. With SCREENSHOT_ADMIN_PASSWORD (the server's ADMIN_PASSWORD), the back office
// too: sign-in, orders, the newest products order and plan order, stock and emails (make some orders first).
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/config';
import { fillSacramento } from './fill-address';
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';

const base = process.env.SCREENSHOT_URL ?? 'http://localhost:3000';
const WIDTHS = [1280, 390] as const;

async function club(page: Page) {
  await page.goto(`${base}${planCheckoutPath(PLANS[0]!.id, 'yearly')}`);
  await page.getByRole('switch').waitFor();
  await page.frameLocator('iframe[title="Secure payment input frame"]').getByLabel('Card number').waitFor();
}

async function products(page: Page) {
  await page.goto(`${base}/checkout?item=house-blend`);
  await fillSacramento(page);
  await page.getByRole('button', { name: 'Use this address' }).click();
  await page.getByRole('group', { name: 'Delivery' }).waitFor();
  await page.frameLocator('iframe[title="Secure payment input frame"]').getByLabel('Card number').waitFor();
}

async function shop(page: Page) {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/**
 * The whole page in one picture. Not `fullPage`: Chromium's full-page capture leaves the payment form's
 * cross-origin iframe blank below the first screen, so the window is made as tall as the page instead.
 */
async function shootWhole(page: Page, path: string) {
  const { width } = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(300); // the iframe lays out again at the new size
  await page.screenshot({ path });
}

/** The back office's pages, signed in once per width; an order page only when such an order exists. */
async function backOffice(browser: Browser, width: number, password: string) {
  const page = await browser.newPage({ viewport: { width, height: width > 600 ? 800 : 844 }, deviceScaleFactor: 1 });
  const shoot = async (name: string) => {
    const path = `docs/admin-${name}-${width}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`Wrote ${path}`);
  };
  await page.goto(`${base}/admin/login`);
  await shoot('login');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
  await shoot('orders');
  for (const [name, kind] of [
    ['order', 'Products'],
    ['order-plan', 'Plan'],
  ] as const) {
    await page.goto(`${base}/admin/orders`);
    const newest = page.getByRole('row').filter({ hasText: kind }).first().getByRole('link');
    if ((await newest.count()) === 0) continue;
    await newest.click();
    await page.getByRole('heading', { name: /^Order #/ }).waitFor();
    await shoot(name);
  }
  for (const name of ['stock', 'emails']) {
    await page.goto(`${base}/admin/${name}`);
    await shoot(name);
  }
  await page.close();
}

const adminPassword = process.env.SCREENSHOT_ADMIN_PASSWORD;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const width of WIDTHS) {
    for (const [name, open] of [
      ['checkout', club],
      ['checkout-products', products],
      ['shop', shop],
    ] as const) {
      const page = await browser.newPage({
        viewport: { width, height: width > 600 ? 800 : 844 },
        deviceScaleFactor: 1,
      });
      await open(page);
      // The README's first picture keeps its old name (the club's checkout at desktop width).
      const path = name === 'checkout' && width === 1280 ? 'docs/checkout.png' : `docs/${name}-${width}.png`;
      await shootWhole(page, path);
      console.log(`Wrote ${path}`);
      await page.close();
    }
    if (adminPassword) await backOffice(browser, width, adminPassword);
  }
} finally {
  await browser.close();
}
