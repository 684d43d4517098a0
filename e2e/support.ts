// Shared e2e helpers: fixtures that fail any test whose page asked a stripe.com host for anything or threw,
// the local Stripe's controls, and an SDK client to read Stripe's state back. Under
// playwright.real-stripe.config.ts the same helpers work on Stripe test mode (e2e/real-stripe.ts says which
// tests run there; the others skip with its reason).
import { basename } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import Stripe from 'stripe';
import { APP_PORT, LOCAL_STRIPE_URL, SEED_PROFILE_PORT } from './config';
import { REAL_STRIPE, realStripeKeys, realStripeSkipReason } from './real-stripe';

const realKeys = REAL_STRIPE ? realStripeKeys(process.env) : undefined;

export const test = base.extend<{ realStripeGate: void; stripeRequests: string[]; pageErrors: string[] }>({
  // The worker's own storefront (e2e/config.ts): the seed-profile project's specs use its preview-version twin.
  baseURL: async ({}, provide, testInfo) =>
    provide(`http://127.0.0.1:${testInfo.project.name === 'seed-profile' ? SEED_PROFILE_PORT : APP_PORT}`),
  // First, so a skipped test opens no page: on real Stripe, a test e2e/real-stripe.ts does not run skips with its reason.
  realStripeGate: [
    async ({}, use, testInfo) => {
      const reason = REAL_STRIPE
        ? realStripeSkipReason(basename(testInfo.file), testInfo.title, Boolean(realKeys))
        : undefined;
      testInfo.skip(reason !== undefined, reason);
      await use();
    },
    { auto: true },
  ],
  // No test may leave an uncaught exception in the page. This and the next depend on the gate (listed first),
  // so that a skipped test skips before a page is opened for it.
  pageErrors: [
    async ({ realStripeGate, page }, use) => {
      void realStripeGate;
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
  stripeRequests: [
    async ({ realStripeGate, page }, use) => {
      void realStripeGate;
      const seen: string[] = [];
      // On real Stripe the page must reach Stripe's hosts: nothing to block or count.
      if (REAL_STRIPE) return use(seen);
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
export const stripe = realKeys
  ? new Stripe(realKeys.secretKey, { telemetry: false, maxNetworkRetries: 2 })
  : new Stripe('sk_test_e2e', {
      host: local.hostname,
      port: Number(local.port),
      protocol: 'http',
      telemetry: false,
      maxNetworkRetries: 0,
    });

export async function injectFault(fault: {
  method: string;
  path: string;
  count: number;
  kind: 'error_500' | 'error_429' | 'delay' | 'drop';
}) {
  if (REAL_STRIPE)
    throw new Error('Faults exist on the local Stripe only: list this test as local-only in e2e/real-stripe.ts');
  const response = await fetch(`${LOCAL_STRIPE_URL}/_emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

/**
 * Waits until no delay fault holds a request any more: each delayed call has then run, so what it changed can be
 * read back. Call it once the calls have been made (after the actions answered).
 */
export async function untilDelayedCallsRan() {
  if (REAL_STRIPE) return;
  await expect
    .poll(
      async () => ((await (await fetch(`${LOCAL_STRIPE_URL}/_emulator/faults`)).json()) as { delayed: number }).delayed,
      { message: 'delayed calls still held by the local Stripe', intervals: [100], timeout: 30_000 },
    )
    .toBe(0);
}

export async function clearFaults() {
  if (REAL_STRIPE) return; // no local Stripe, so nothing was armed (afterEach hooks still call this)
  await fetch(`${LOCAL_STRIPE_URL}/_emulator/faults`, { method: 'DELETE' });
}

/** The checkout session id the page works on, taken from its first interval-switch request. */
export function sessionIdOf(request: Request): string {
  return (request.postDataJSON() as { checkout_session_id: string }).checkout_session_id;
}

/**
 * Types a test card into the Payment Element. Both Stripe.js's put the fields in an iframe of this title.
 * Real Stripe.js formats as it goes, so it gets keystrokes (digits only), and for some countries asks a postal
 * code, and may show several payment methods (the card is then one choice among them). Unverified against real
 * Stripe from this repository's machine, which cannot reach it.
 */
export async function fillCard(page: Page, number: string) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  if (!REAL_STRIPE) {
    await frame.getByLabel('Card number').fill(number);
    await frame.getByLabel('Expiration date').fill('12 / 34');
    await frame.getByLabel('Security code').fill('123');
    return;
  }
  const cardChoice = frame.getByRole('button', { name: 'Card', exact: true });
  if (await cardChoice.isVisible()) await cardChoice.click();
  await frame.getByLabel('Card number').pressSequentially(number.replace(/\D/g, ''));
  await frame.getByLabel(/^Expiration/).pressSequentially('1234');
  await frame.getByLabel(/^Security code|^CVC/).pressSequentially('123');
  const postal = frame.getByLabel(/^(ZIP|Postal)/);
  if (await postal.isVisible()) await postal.fill('97201');
}

/**
 * Waits until a paid session's order is in: on the local Stripe, until its `checkout.session.completed` event has
 * been delivered to every endpoint. Real Stripe sends no webhook to this machine; there the return page (already
 * shown when this is called) recorded the order as it rendered a complete session, so Stripe saying the session is
 * complete is what is left to wait for.
 */
export async function expectWebhookDelivered(sessionId: string) {
  if (REAL_STRIPE) {
    await expect
      .poll(async () => (await stripe.checkout.sessions.retrieve(sessionId)).status, { timeout: 10_000 })
      .toBe('complete');
    return;
  }
  await expect
    .poll(
      async () => {
        const events = await stripe.events.list({ type: 'checkout.session.completed', limit: 20 });
        const event = events.data.find((e) => (e.data.object as { id: string }).id === sessionId);
        return event?.pending_webhooks;
      },
      { timeout: 10_000 },
    )
    .toBe(0);
}

export type TestAddress = {
  name: string;
  country: string;
  line1: string;
  city: string;
  state?: string;
  postalCode: string;
};
export const OREGON: TestAddress = {
  name: 'Ada Buyer',
  country: 'US',
  line1: '1 Pine St',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
};

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
  // Pay's reason, when it still has one (the card may be incomplete), is no longer the address.
  await expect(page.getByTestId('pay-reason').filter({ hasText: 'address' })).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await stripe.checkout.sessions.retrieve(sessionId)).collected_information?.shipping_details?.address?.line1,
    )
    .toBe(address.line1);
}
