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
