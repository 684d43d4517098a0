// `npm run bench:ui`: for each checkout interaction, the time from the click to its pending state painted
// (the summary dimmed and "Updating your order…", a button's busy state), in headless Chromium against a
// running storefront (BENCH_URL, default http://127.0.0.1:3000; a production build on the local Stripe).
// Measured in the page: from the click event's timestamp to the first task after the frame that shows the
// change (requestAnimationFrame, then a task: the frame has been painted by then). The INP budget is 200 ms;
// our target is 100 ms. BENCH_RUNS (default 5) fresh checkouts per interaction; median and worst reported.
import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/config';
import { fillSacramento } from './fill-address';
import { PLANS } from '../lib/catalog';
import { planCheckoutPath } from '../lib/checkout/cart';

const base = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SUMMARY_BUSY = '.summary[aria-busy="true"]';

// The in-page probe, as source text: tsx names functions with a helper (`__name`) the page does not have.
const PROBE = `(pendingSelector) => new Promise((resolve, reject) => {
  const timeout = setTimeout(() => reject(new Error('no ' + pendingSelector + ' within 5 s')), 5000);
  const onEvent = (event) => {
    const start = event.timeStamp;
    const done = () => {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (clearTimeout(timeout), resolve(performance.now() - start))));
    };
    const observer = new MutationObserver(() => document.querySelector(pendingSelector) && done());
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    if (document.querySelector(pendingSelector)) done();
  };
  document.addEventListener('click', onEvent, { capture: true, once: true });
  // Enter on a field (the quantity) is a keydown, not a click.
  document.addEventListener('keydown', (event) => event.key === 'Enter' && onEvent(event), { capture: true, once: true });
})`;

/** Arms the page: the next click starts the clock, the first paint with `selector` present stops it. */
async function measureClick(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  const result = page.evaluate(`(${PROBE})(${JSON.stringify(selector)})`) as Promise<number>;
  await page.waitForTimeout(50); // the listeners are in place before the action
  await act();
  return result;
}

async function settled(page: Page) {
  await page.locator(SUMMARY_BUSY).waitFor({ state: 'detached' });
}

const click = (locator: Locator) => () => locator.click();

type Interaction = { name: string; run: (page: Page) => Promise<number> };
const INTERACTIONS: Interaction[] = [
  {
    name: 'add to cart (home)',
    run: async (page) => {
      await page.goto(`${base}/`);
      // The home page is server-rendered: a click before hydration has no handler yet. (The checkout's
      // controls exist only once its client code runs, so waiting for them is enough there.)
      await page.waitForLoadState('networkidle');
      const button = page.getByRole('article', { name: 'Ceramic mug' }).getByRole('button', { name: 'Add to cart' });
      return measureClick(page, 'article button[aria-disabled="true"]', click(button));
    },
  },
  {
    name: 'use this address',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      await fillSacramento(page);
      return measureClick(page, SUMMARY_BUSY, click(page.getByRole('button', { name: 'Use this address' })));
    },
  },
  {
    name: 'delivery option',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      await fillSacramento(page);
      await page.getByRole('button', { name: 'Use this address' }).click();
      await page.getByRole('group', { name: 'Delivery' }).waitFor();
      await settled(page);
      return measureClick(
        page,
        SUMMARY_BUSY,
        click(page.getByRole('group', { name: 'Delivery' }).getByLabel('Express shipping')),
      );
    },
  },
  {
    name: 'quantity (Enter)',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      const field = page.getByLabel('Quantity of House Blend, 340 g');
      await field.fill('2');
      return measureClick(page, SUMMARY_BUSY, () => field.press('Enter'));
    },
  },
  {
    name: 'cross-sell add',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      return measureClick(page, SUMMARY_BUSY, click(page.getByRole('button', { name: 'Add Ceramic mug' })));
    },
  },
  {
    name: 'remove a line',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      await page.getByRole('button', { name: 'Add Ceramic mug' }).click();
      await page.getByLabel('Quantity of Ceramic mug').waitFor();
      await settled(page);
      return measureClick(page, SUMMARY_BUSY, click(page.getByRole('button', { name: 'Remove Ceramic mug' })));
    },
  },
  {
    name: 'promo code apply',
    run: async (page) => {
      await page.goto(`${base}/checkout?item=house-blend`);
      await page.getByLabel('Promo code').fill('WELCOME10');
      return measureClick(
        page,
        '.promo-code button[aria-disabled="true"]',
        click(page.getByRole('button', { name: 'Apply' })),
      );
    },
  },
  {
    name: 'interval switch (club)',
    run: async (page) => {
      await page.goto(`${base}${planCheckoutPath(PLANS[0]!.id, 'monthly')}`);
      return measureClick(page, SUMMARY_BUSY, click(page.getByRole('switch', { name: 'Yearly billing' })));
    },
  },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: string[] = [];
try {
  for (const interaction of INTERACTIONS) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh browser context per run: its own cookie, so its own cart and checkout.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      times.push(await interaction.run(page));
      await context.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push(
      `${interaction.name.padEnd(26)} median ${median.toFixed(0).padStart(4)} ms   worst ${times.at(-1)!.toFixed(0).padStart(4)} ms   (${runs} runs)`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await browser.close();
}
