// The axe helper (e2e/axe.ts) itself: a page built with one violation in its own document and one in a
// cross-origin frame: the scan finds both, so a scan that finds nothing has looked at the frames too.
import { seriousViolations } from './axe';
import { expect, test } from './support';

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><title>axe</title></head><body>${body}</body></html>`;

test('the axe helper finds a violation in the page and one in a cross-origin frame', async ({ page }) => {
  await page.route('http://shop.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: html('<main><button></button><iframe title="Card" src="http://frame.test/"></iframe></main>'),
    }),
  );
  await page.route('http://frame.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: html('<main><input type="text"></main>') }),
  );
  await page.goto('http://shop.test/');
  await expect(page.frameLocator('iframe').locator('input')).toBeVisible();
  const found = await seriousViolations(page);
  expect(found).toHaveLength(2);
  expect(found[0]).toMatch(/^critical button-name: .*\n {4}button: /);
  expect(found[1]).toMatch(/^critical label: .*\n {4}iframe input: /);
});
