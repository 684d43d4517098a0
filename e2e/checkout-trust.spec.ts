// Issue 19 in Chromium: Pay only for what Stripe holds, errors beside their cause, focus that stays, every
// total line named, and the layout points that can be measured (desktop and a 390 px phone).
import type { Page } from '@playwright/test';
import { expect, fillCard, fillShippingAddress, OREGON, test, useShippingAddress, type TestAddress } from './support';

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
const focusKeyOf = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey ??
      document.activeElement?.tagName,
  );

test('an edited address blocks Pay with its reason until it is used; every total line is named', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  const pay = page.getByRole('button', { name: /^Pay/ });
  await expect(page.getByTestId('ships-to-note')).toHaveText(
    'We ship to United States, Canada, United Kingdom, Germany, France, and Netherlands.',
  );
  await expect(page.getByRole('heading', { name: 'Shipping address' })).toBeVisible();
  // Countries by name, only those we ship to.
  await expect(
    page.getByRole('group', { name: 'Shipping address' }).getByLabel('Country').locator('option'),
  ).toHaveText(['United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Netherlands']);
  await page.getByLabel('Email').fill('trust@example.com');
  await fillCard(page, '4242 4242 4242 4242');
  await expect(pay).toBeDisabled();
  await expect(pay).toHaveAccessibleDescription(/Enter your shipping address/);

  expect(await useShippingAddress(page, SACRAMENTO)).toBe(200);
  await expect(pay).toBeEnabled();
  const totals = page.getByRole('region', { name: 'Order summary' }).locator('dl.totals dt');
  await expect(totals).toHaveText(['Subtotal', 'Shipping — Standard shipping', 'Tax (CA 7.25 %)', 'Total due today']);
  // Focus stayed on the button the buyer used.
  expect(await focusKeyOf(page)).toBe('use-address');

  // Germany typed but not used: Pay waits, and says why, next to it.
  await fillShippingAddress(page, BERLIN);
  await expect(pay).toBeDisabled();
  await expect(page.getByTestId('pay-reason')).toHaveText('Use this address to see shipping and tax.');
  expect(await useShippingAddress(page, BERLIN)).toBe(200);
  await expect(pay).toBeEnabled();
  await expect(totals).toHaveText([
    'Subtotal',
    'Shipping — International shipping',
    'VAT included (DE 19 %)',
    'Total due today',
  ]);

  // Back home past the free-shipping threshold: the free rate is named "Free".
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const beans = page.getByLabel('Quantity of House Blend, 340 g');
  await beans.fill('4');
  await beans.press('Enter');
  await expect(page.getByTestId('shipping')).toHaveText('Free');
  await expect(totals.nth(1)).toHaveText('Shipping — Free standard shipping');
  await expect(
    page.getByRole('group', { name: 'Delivery' }).locator('label', { hasText: 'Express shipping' }),
  ).toContainText('1–2 business days');
  // The quantity field keeps focus through its update.
  await expect(beans).toBeFocused();
});

test('a refused line shows beside that line, tied to its field; a removal moves focus to the next line', async ({
  page,
}) => {
  await page.goto('/checkout?item=house-blend');
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  await page
    .getByRole('region', { name: 'You might also like' })
    .getByRole('button', { name: 'Add Hand grinder' })
    .click();
  // The added product's new quantity field takes the focus its button had.
  const grinders = page.getByLabel('Quantity of Hand grinder');
  await expect(grinders).toBeFocused();
  await grinders.fill('3');
  await grinders.press('Enter');
  const line = page.getByTestId('line-item').filter({ hasText: 'Hand grinder' });
  await expect(line.locator('.notice')).toHaveText(/at most 2|Only \d+ of Hand grinder left/);
  await expect(grinders).toHaveAttribute('aria-invalid', 'true');
  await expect(grinders).toHaveValue('1'); // the field shows what Stripe holds
  await expect(grinders).toHaveAccessibleDescription(/at most 2|Only \d+ of Hand grinder left/);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(1);

  await page.getByRole('button', { name: 'Remove House Blend, 340 g' }).click();
  await expect(page.getByTestId('line-item').filter({ hasText: 'House Blend' })).toHaveCount(0);
  await expect(grinders).toBeFocused();
});

test('layout: header on one line at 390 px, no empty grid cell, the legend inside its card, fields of one height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const header = page.getByRole('banner');
  const brand = await header.getByRole('link', { name: 'Ember & Oak Coffee' }).boundingBox();
  const cart = await header.getByRole('link', { name: /^Cart/ }).boundingBox();
  const lineHeight = await header
    .getByRole('link', { name: 'Ember & Oak Coffee' })
    .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
  expect(brand!.height).toBeLessThanOrEqual(lineHeight + 2);
  expect(Math.abs(brand!.y - cart!.y)).toBeLessThan(8);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  // No empty grid cell: the cards of the first row reach the grid's right edge (auto-fit shares the row).
  const row = await page
    .locator('.grid')
    .first()
    .evaluate((grid) => {
      const right = grid.getBoundingClientRect().right;
      const cards = [...grid.children].map((card) => card.getBoundingClientRect());
      const firstRow = cards.filter((card) => Math.abs(card.top - cards[0]!.top) < 2);
      return { gap: right - Math.max(...firstRow.map((card) => card.right)), cards: firstRow.length };
    });
  expect(row.cards).toBeGreaterThan(1);
  expect(Math.abs(row.gap)).toBeLessThanOrEqual(1);
  expect(await page.getByRole('heading', { name: 'House Blend, 340 g' }).textContent()).toContain('340\u00a0g');

  await page.goto('/checkout?item=house-blend');
  expect(await useShippingAddress(page, OREGON)).toBe(200);
  const fieldset = await page.getByRole('group', { name: 'Delivery' }).boundingBox();
  const legend = await page.getByRole('group', { name: 'Delivery' }).locator('legend').boundingBox();
  expect(legend!.y).toBeGreaterThan(fieldset!.y + 1);
  const promo = await page.getByLabel('Promo code').boundingBox();
  const email = await page.getByLabel('Email').boundingBox();
  expect(Math.abs(promo!.height - email!.height)).toBeLessThanOrEqual(1);
});

test('the focus ring is at least 3:1 against every background it sits on', async ({ page }) => {
  await page.goto('/checkout?item=house-blend');
  await expect(page.getByRole('button', { name: 'Use this address' })).toBeVisible();
  await page.keyboard.press('Tab');
  const ratios = await page.evaluate(() => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) =>
        c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4,
      );
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const ring = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const resolve = (value: string) => ((probe.style.color = value), getComputedStyle(probe).color);
    const backgrounds = ['--paper', '--card'].map((name) =>
      resolve(getComputedStyle(document.documentElement).getPropertyValue(name).trim()),
    );
    backgrounds.push(
      getComputedStyle(document.querySelector('.checkout-summary')!).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    );
    const ringColor = resolve(ring);
    probe.remove();
    return backgrounds.filter((bg) => !bg.includes('0, 0, 0, 0')).map((bg) => contrast(ringColor, bg));
  });
  expect(ratios.length).toBeGreaterThan(0);
  for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});
