// Shared e2e helpers: fixtures that fail any test whose page asked a stripe.com host for anything or threw,
// the local Stripe's controls, and an SDK client to read Stripe's state back.
import { test as base, expect, type Page, type Request } from '@playwright/test';
import Stripe from 'stripe';
import { LOCAL_STRIPE_URL } from './config';

export const test = base.extend<{ stripeRequests: string[]; pageErrors: string[] }>({
  // No test may leave an uncaught exception in the page.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
  stripeRequests: [
    async ({ page }, use) => {
      const seen: string[] = [];
      await page.route(/^https?:\/\/([^/]*\.)?stripe\.com\//, (route) => {
        seen.push(route.request().url());
        return route.abort();
      });
      await use(seen);
      expect(seen, 'requests to stripe.com hosts').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

const local = new URL(LOCAL_STRIPE_URL);
export const stripe = new Stripe('sk_test_e2e', {
  host: local.hostname,
  port: Number(local.port),
  protocol: 'http',
  telemetry: false,
  maxNetworkRetries: 0,
});

export async function injectFault(fault: { method: string; path: string; count: number; kind: 'error_500' | 'error_429' | 'delay' | 'drop' }) {
  const response = await fetch(`${LOCAL_STRIPE_URL}/_emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

export async function clearFaults() {
  await fetch(`${LOCAL_STRIPE_URL}/_emulator/faults`, { method: 'DELETE' });
}

/** The checkout session id the page works on, taken from its first interval-switch request. */
export function sessionIdOf(request: Request): string {
  return (request.postDataJSON() as { checkout_session_id: string }).checkout_session_id;
}

export async function fillCard(page: Page, number: string) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill('12 / 34');
  await frame.getByLabel('Security code').fill('123');
}

/** Waits until the `checkout.session.completed` event of a session has been delivered to every endpoint. */
export async function expectWebhookDelivered(sessionId: string) {
  await expect
    .poll(async () => {
      const events = await stripe.events.list({ type: 'checkout.session.completed', limit: 20 });
      const event = events.data.find((e) => (e.data.object as { id: string }).id === sessionId);
      return event?.pending_webhooks;
    }, { timeout: 10_000 })
    .toBe(0);
}

export type TestAddress = { name: string; country: string; line1: string; city: string; state?: string; postalCode: string };
export const OREGON: TestAddress = { name: 'Ada Buyer', country: 'US', line1: '1 Pine St', city: 'Portland', state: 'OR', postalCode: '97201' };

/** Fills the checkout's shipping address element (no "Use this address" yet). */
export async function fillShippingAddress(page: Page, address: TestAddress) {
  const form = page.getByRole('group', { name: 'Shipping address' });
  await form.getByLabel('Full name').fill(address.name);
  await form.getByLabel('Country').selectOption(address.country);
  await form.getByLabel('Address line 1').fill(address.line1);
  await form.getByLabel('City').fill(address.city);
  await form.getByLabel('State').fill(address.state ?? '');
  await form.getByLabel(address.country === 'US' ? 'ZIP' : 'Postal code').fill(address.postalCode);
}

/** Fills the checkout's shipping address element and sends it with "Use this address"; resolves with the endpoint's status. */
export async function useShippingAddress(page: Page, address: TestAddress): Promise<number> {
  await fillShippingAddress(page, address);
  const answered = page.waitForResponse('**/api/checkout/shipping-address');
  await page.getByRole('button', { name: 'Use this address' }).click();
  const response = await answered;
  await expect(page.getByText('Updating your order…')).toHaveCount(0);
  return response.status();
}

/**
 * The club's address (subscription mode): Stripe.js sets it on the session itself (no endpoint of ours).
 * Resolves once Pay no longer waits for it, and reads the session back to check Stripe holds it.
 */
export async function useClubAddress(page: Page, address: TestAddress, sessionId: string) {
  await fillShippingAddress(page, address);
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByTestId('pay-reason')).not.toContainText('address');
  await expect.poll(async () => (await stripe.checkout.sessions.retrieve(sessionId)).collected_information?.shipping_details?.address?.line1).toBe(address.line1);
}
