// What Stripe.js reads (GET /v1/payment_pages/:id): the session object as the secret API returns it,
// with every line item (price included) and each shipping option's rate expanded, so the browser
// needs one request to draw the checkout. Line items carry their `taxes` (includable on the secret API)
// so the browser can show each tax rate's amount.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { loadSession } from '../checkout/expiry';
import { sessionObject } from '../checkout/render-session';
import type { SessionRecord } from '../core/session-record';
import { trialOf } from '../checkout/trial';
import { lineItemTaxes, renderLineItems } from '../checkout/view';

/** The trial a subscription session gives (the client's `recurring.trial`), not a field of the REST session. */
export type ClientTrial = { trial_end: number; trial_period_days: number };
export type ClientSession = Stripe.Checkout.Session & { subscription_data: ClientTrial | null };

export function clientView(ctx: RequestCtx, record: SessionRecord): ClientSession {
  const session = sessionObject(record);
  const id = record.session.id;
  session.line_items = {
    object: 'list',
    data: renderLineItems(ctx, record).map((item) => ({ ...item, taxes: lineItemTaxes(ctx, item.id, record) })),
    has_more: false,
    url: `/v1/checkout/sessions/${id}/line_items`,
  };
  session.shipping_options = session.shipping_options.map((o) => ({
    ...o,
    shipping_rate: structuredClone(ctx.store.get('shipping_rate', String(o.shipping_rate)) ?? o.shipping_rate),
  }));
  // The discount with its coupon and promotion code expanded, for Stripe.js's discountAmounts.
  const discount = record.discount;
  session.discounts = discount
    ? [{ coupon: structuredClone(discount.coupon), promotion_code: structuredClone(discount.promotionCode) }]
    : [];
  const trial = trialOf(ctx, record);
  return { ...session, subscription_data: trial ? { trial_end: trial.end, trial_period_days: trial.days } : null };
}

/** The session, if the client secret proves access; otherwise it does not exist (Stripe reveals nothing). */
export function loadWithSecret(ctx: RequestCtx, id: string, secret: string): SessionRecord {
  const record = ctx.store.get('checkout.session', id);
  if (!record || record.session.client_secret !== secret) throw notFound('checkout.session', id, 'session');
  return loadSession(ctx, id);
}
