// `npm run screenshot`: remakes docs/checkout.png, the README's picture of the checkout, from a running
// storefront (`npm run dev`, or the e2e servers). SCREENSHOT_URL picks the server.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/config';

const base = process.env.SCREENSHOT_URL ?? 'http://localhost:3000';
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/checkout?plan=coffee-club&interval=yearly`);
  await page.getByRole('switch').waitFor();
  await page.frameLocator('iframe[title="Secure payment input frame"]').getByLabel('Card number').waitFor();
  await page.screenshot({ path: 'docs/checkout.png', fullPage: true });
  console.log('Wrote docs/checkout.png');
} finally {
  await browser.close();
}
