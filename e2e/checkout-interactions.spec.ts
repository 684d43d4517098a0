// The seed's uses at checkout, in Chromium: quantities checked against the stock, a cross-sell, and the gift
// past a threshold, each a server update inside runServerUpdate. Stripe's session is read back each time.
import { holdAllBut, onShelf } from './stock';
import { expect, OREGON, sessionIdOf, stripe, test, useShippingAddress } from './support';

const summary = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Order summary' });
const linesOf = async (sessionId: string) =>
  (await stripe.checkout.sessions.listLineItems(sessionId)).data.map(
    (item) => `${item.price?.lookup_key} × ${item.quantity}`,
  );

test('quantities, a cross-sell and the gift: the page and Stripe agree at every step', async ({ page }) => {
  const release = await holdAllBut('hand-grinder', 1);
  try {
    await page.goto('/checkout?item=house-blend');
    // An address in Oregon (no sales tax in the table): totals include standard shipping, $6.00, chosen by
    // default, and free standard shipping from $60.00.
    expect(await useShippingAddress(page, OREGON)).toBe(200);
    await expect(page.getByTestId('total')).toHaveText('$22.00');
    await expect(page.getByTestId('gift-progress')).toHaveText('$59.00 more for a free tasting sample');
    const offers = page.getByRole('region', { name: 'You might also like' });
    await expect(offers.getByRole('button')).toHaveText(['Add Ceramic mug', 'Add Hand grinder']);

    // Add the cross-sell: one grinder, the last one on the shelf. $105.00 passes $75.00: the gift comes too,
    // and standard shipping becomes free.
    const added = page.waitForRequest('**/api/checkout/cross-sell');
    await offers.getByRole('button', { name: 'Add Hand grinder' }).click();
    const sessionId = sessionIdOf(await added);
    await expect(page.getByTestId('total')).toHaveText('$105.00');
    await expect(summary(page).getByTestId('line-item').filter({ hasText: 'Tasting sample' })).toContainText('Free');
    await expect(page.getByTestId('gift-progress')).toHaveCount(0);
    expect(await linesOf(sessionId)).toEqual(['house_blend_340g × 1', 'hand_grinder × 1', 'tasting_sample × 1']);
    expect(await onShelf('hand-grinder')).toBe(0);

    // More grinders than there are: an alert, and nothing changes, on the page or at Stripe.
    const grinders = page.getByLabel('Quantity of Hand grinder');
    await grinders.fill('2');
    await grinders.press('Enter');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Only 1 of Hand grinder left. Please lower the quantity.',
    );
    await expect(grinders).toHaveValue('1');
    await expect(page.getByTestId('total')).toHaveText('$105.00');
    expect(await linesOf(sessionId)).toEqual(['house_blend_340g × 1', 'hand_grinder × 1', 'tasting_sample × 1']);

    // Remove the grinder: $16.00 is under the threshold again, so the gift leaves with it; the grinder is back.
    await page.getByRole('button', { name: 'Remove Hand grinder' }).click();
    await expect(page.getByTestId('total')).toHaveText('$22.00');
    await expect(page.getByTestId('gift-progress')).toHaveText('$59.00 more for a free tasting sample');
    expect(await linesOf(sessionId)).toEqual(['house_blend_340g × 1']);
    expect(await onShelf('hand-grinder')).toBe(1);

    // Beans to five ($80.00): the gift; back to four ($64.00): no gift (shipping still free).
    const beans = page.getByLabel('Quantity of House Blend, 340 g');
    await beans.fill('5');
    await beans.press('Enter');
    await expect(page.getByTestId('total')).toHaveText('$80.00');
    expect(await linesOf(sessionId)).toEqual(['house_blend_340g × 5', 'tasting_sample × 1']);
    await beans.fill('4');
    await beans.press('Enter');
    await expect(page.getByTestId('total')).toHaveText('$64.00');
    await expect(page.getByTestId('gift-progress')).toHaveText('$11.00 more for a free tasting sample');
    expect(await linesOf(sessionId)).toEqual(['house_blend_340g × 4']);
  } finally {
    await release();
  }
});
