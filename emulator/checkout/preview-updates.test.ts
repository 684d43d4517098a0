// The preview profile's server updates (API-NOTES §6): `discounts` decided by the server and
// `subscription_data` trials, accepted only with the server-update beta, refused under GA versions
// as unknown parameters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  type Catalog,
  type Harness,
  paySession,
  RETURN_URL,
  seedCatalog,
  SEED_VERSION,
  startLocalStripe,
  stripeError,
} from '../test-helpers';

const PREVIEW_VERSION = '2025-03-31.preview; checkout_server_update_beta=v1;';
const DAY = 86400;

let h: Harness;
let c: Catalog;
let seed: Stripe;
let preview: Stripe;

before(async () => {
  h = await startLocalStripe();
  c = await seedCatalog(h.stripe);
  seed = h.sdk({ apiVersion: SEED_VERSION as never });
  preview = h.sdk({ apiVersion: PREVIEW_VERSION as never });
});
after(() => h.close());

// The SDK's types know neither the preview params nor ui_mode=custom: cast once here.
const update = (sdk: Stripe, id: string, params: Record<string, unknown>) =>
  sdk.checkout.sessions.update(id, params as Stripe.Checkout.SessionUpdateParams);
function create(sdk: Stripe, mode: 'payment' | 'subscription', price: string, extra: Record<string, unknown> = {}) {
  return sdk.checkout.sessions.create({
    mode,
    ui_mode: 'custom' as 'elements',
    return_url: RETURN_URL,
    line_items: [{ price, quantity: mode === 'payment' ? 4 : 1 }],
    permissions: { update_discounts: 'server_only' } as Stripe.Checkout.SessionCreateParams.Permissions,
    ...extra,
  } as Stripe.Checkout.SessionCreateParams);
}

describe('discounts decided by the server (preview)', () => {
  it('shows permissions.update_discounts, applies coupon_data, keeps one, removes with an empty value', async () => {
    const s = await create(seed, 'payment', c.tee.id);
    assert.equal((s.permissions as { update_discounts?: string } | null)?.update_discounts, 'server_only');
    const on = await update(seed, s.id, {
      discounts: [{ coupon_data: { name: 'Loyalty', percent_off: 10, duration: 'once' } }],
    });
    assert.deepEqual([on.total_details?.amount_discount, on.amount_total], [1000, 9000]);
    const couponId = String(on.discounts?.[0]?.coupon);
    assert.equal((await h.stripe.coupons.retrieve(couponId)).name, 'Loyalty');
    const capped = await update(seed, s.id, {
      discounts: [{ coupon_data: { name: 'Loyalty', amount_off: 2000, currency: 'usd' } }],
    });
    assert.deepEqual([capped.discounts?.length, capped.total_details?.amount_discount], [1, 2000]);
    const two = await stripeError(update(seed, s.id, { discounts: [{ coupon: couponId }, { coupon: couponId }] }));
    assert.equal(two.param, 'discounts');
    // stripe-node sends nothing for `[]` (an empty array has no form fields): '' is what removes.
    await update(seed, s.id, { discounts: [{ coupon: couponId }] });
    const off = await update(seed, s.id, { discounts: '' });
    assert.deepEqual([off.discounts, off.total_details?.amount_discount, off.amount_total], [[], 0, 10000]);
  });

  it('refuses the buyer a promotion code while the server owns discounts', async () => {
    const s = await create(seed, 'payment', c.tee.id);
    const r = await h.client('POST', `/v1/payment_pages/${s.id}`, {
      client_secret: s.client_secret ?? '',
      promotion_code: 'ANY',
    });
    assert.equal(r.body.error.code, 'checkout_session_permission_denied');
  });

  it('is an unknown parameter under GA versions', async () => {
    const s = await h.stripe.checkout.sessions.create({
      mode: 'payment',
      ui_mode: 'elements',
      return_url: RETURN_URL,
      line_items: [{ price: c.tee.id, quantity: 1 }],
    });
    const err = await stripeError(update(h.stripe, s.id, { discounts: [{ coupon: 'X' }] }));
    assert.deepEqual(
      [err.statusCode, err.message, err.code],
      [400, 'Received unknown parameter: discounts', 'parameter_unknown'],
    );
    const perm = await stripeError(
      h.stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'elements',
        return_url: RETURN_URL,
        line_items: [{ price: c.tee.id, quantity: 1 }],
        permissions: { update_discounts: 'server_only' } as never,
      }),
    );
    assert.equal(perm.message, 'Received unknown parameter: permissions[update_discounts]');
  });
});

describe('trial durations (preview)', () => {
  it('sets, replaces and removes a trial; the session is due $0 meanwhile', async () => {
    const s = await create(preview, 'subscription', c.yearly.id, { subscription_data: { trial_period_days: 7 } });
    assert.deepEqual([s.amount_subtotal, s.amount_total], [0, 0]);
    const view = await h.client('GET', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '' });
    assert.equal(view.body.subscription_data.trial_period_days, 7);
    await update(preview, s.id, { subscription_data: { trial_period_days: 14 } });
    const longer = await h.client('GET', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '' });
    assert.equal(longer.body.subscription_data.trial_period_days, 14);
    const end = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })).now as number;
    await update(preview, s.id, { subscription_data: { trial_end: end + 30 * DAY } });
    const byEnd = await h.client('GET', `/v1/payment_pages/${s.id}`, { client_secret: s.client_secret ?? '' });
    assert.deepEqual(
      [byEnd.body.subscription_data.trial_end, byEnd.body.subscription_data.trial_period_days],
      [end + 30 * DAY, 30],
    );
    const none = await update(preview, s.id, { subscription_data: { trial_end: '' } });
    assert.deepEqual([none.amount_subtotal, none.amount_total], [9000, 9000]);
  });

  it('refuses both fields at once, a trial_end under 48 hours, a payment-mode session, GA versions', async () => {
    const s = await create(preview, 'subscription', c.monthly.id);
    const now = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })).now as number;
    const both = await stripeError(
      update(preview, s.id, { subscription_data: { trial_period_days: 3, trial_end: now + 5 * DAY } }),
    );
    assert.equal(both.statusCode, 400);
    const soon = await stripeError(update(preview, s.id, { subscription_data: { trial_end: now + DAY } }));
    assert.equal(soon.param, 'subscription_data[trial_end]');
    const zero = await stripeError(update(preview, s.id, { subscription_data: { trial_period_days: 0 } }));
    assert.equal(zero.statusCode, 400);
    const pay = await create(preview, 'payment', c.tee.id);
    assert.equal(
      (await stripeError(update(preview, pay.id, { subscription_data: { trial_period_days: 3 } }))).param,
      'subscription_data',
    );
    const ga = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      ui_mode: 'elements',
      return_url: RETURN_URL,
      line_items: [{ price: c.monthly.id, quantity: 1 }],
    });
    const err = await stripeError(update(h.stripe, ga.id, { subscription_data: { trial_period_days: 3 } }));
    assert.equal(err.message, 'Received unknown parameter: subscription_data');
  });

  it('completes into a trialing subscription whose first invoice is $0', async () => {
    const s = await create(preview, 'subscription', c.monthly.id);
    await update(preview, s.id, { subscription_data: { trial_period_days: 14 } });
    const now = (await h.control('POST', '/_emulator/clock/advance', { seconds: 0 })).now as number;
    assert.equal((await paySession(h, s)).status, 200);
    const done = await h.stripe.checkout.sessions.retrieve(s.id);
    assert.equal(done.payment_status, 'no_payment_required');
    const sub = await h.stripe.subscriptions.retrieve(String(done.subscription));
    assert.deepEqual([sub.status, sub.trial_end, sub.trial_start], ['trialing', now + 14 * DAY, now]);
    const invoice = await h.stripe.invoices.retrieve(String(done.invoice));
    assert.deepEqual(
      [invoice.amount_due, invoice.amount_paid, invoice.total, invoice.lines.data[0]?.amount],
      [0, 0, 0, 0],
    );
  });
});
