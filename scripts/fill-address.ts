// The address the screenshot and UI-benchmark scripts type into the checkout (a taxed US state).
import type { Page } from '@playwright/test';

export async function fillSacramento(page: Page) {
  const form = page.getByRole('group', { name: 'Shipping address' });
  await form.getByLabel('Full name').fill('Ada Buyer');
  await form.getByLabel('Address line 1').fill('1 Capitol Mall');
  await form.getByLabel('City').fill('Sacramento');
  await form.getByLabel('State').fill('CA');
  await form.getByLabel('ZIP').fill('95814');
}
