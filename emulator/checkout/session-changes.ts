// The state changes of a Checkout Session shared by the secret API (create, update) and the buyer's
// endpoints (payment pages): its totals, its selected shipping rate, its collected shipping details.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import type { SessionRecord } from '../core/session-record';
import { toAddress } from '../resources/common';
import { CHECKOUT_MSG } from './messages';
import type { ShippingDetailsParams } from './params';
import { minimumUnmet, sessionDiscounts } from './discounts';
import { sessionTotals } from './totals';
import { trialOf } from './trial';
import { linesOf } from './view';

/**
 * Writes the totals, currency, discounts and shipping cost of the session from its items, discount
 * and selected rate; a promotion code whose minimum the items no longer reach is dropped first
 * (`minimumUnmet`, discounts.ts). With a free trial the session's amounts are what is due today: 0 (a
 * choice, unconfirmed: the line items keep their prices, which the first invoice after the trial charges).
 */
export function recompute(ctx: RequestCtx, record: SessionRecord): void {
  const session = record.session;
  const itemsSubtotal = linesOf(ctx, record).reduce((sum, line) => sum + line.amounts.amount_subtotal, 0);
  if (record.discount && minimumUnmet(record.discount, session.currency ?? 'usd', itemsSubtotal))
    record.discount = null;
  const lines = linesOf(ctx, record).map((line) => line.amounts);
  const rateId = session.shipping_cost?.shipping_rate;
  const rate = typeof rateId === 'string' ? ctx.store.get('shipping_rate', rateId) : undefined;
  const shipping = rate?.fixed_amount?.amount ?? 0;
  const totals = sessionTotals(lines, shipping);
  const firstItem = record.items[0];
  if (firstItem) session.currency = ctx.store.get('price', firstItem.price)?.currency ?? session.currency;
  session.discounts = sessionDiscounts(record);
  const trial = trialOf(ctx, record) !== null;
  session.amount_subtotal = trial ? 0 : totals.amount_subtotal;
  session.amount_total = trial ? 0 : totals.amount_total;
  session.total_details = trial
    ? { amount_discount: 0, amount_shipping: 0, amount_tax: 0 }
    : {
        amount_discount: totals.amount_discount,
        amount_shipping: totals.amount_shipping,
        amount_tax: totals.amount_tax,
      };
  session.shipping_cost = rate
    ? { amount_subtotal: shipping, amount_tax: 0, amount_total: shipping, shipping_rate: rate.id }
    : null;
}

/** Selects a rate among the session's options (or the first one, or none) and recomputes. */
export function selectShipping(ctx: RequestCtx, record: SessionRecord, rateId: string | null): void {
  const options = record.session.shipping_options;
  const first = options[0]?.shipping_rate;
  const chosen = rateId ?? (first === undefined ? null : typeof first === 'string' ? first : first.id);
  record.session.shipping_cost = chosen
    ? { amount_subtotal: 0, amount_tax: 0, amount_total: 0, shipping_rate: chosen }
    : null;
  recompute(ctx, record);
}

/** Shipping details as the session stores them. */
export function shippingDetailsOf(
  params: ShippingDetailsParams,
): Stripe.Checkout.Session.CollectedInformation.ShippingDetails {
  return { name: params.name, address: toAddress(params.address) };
}

/**
 * Refuses an address outside `shipping_address_collection.allowed_countries` (when the session
 * collects shipping addresses). The wording is ours: Stripe's exact message is unconfirmed.
 */
export function checkShippingCountry(record: SessionRecord, details: ShippingDetailsParams, param: string): void {
  const allowed: readonly string[] = record.session.shipping_address_collection?.allowed_countries ?? [];
  const country = details.address.country.toUpperCase();
  if (allowed.length > 0 && !allowed.includes(country)) {
    throw invalid(CHECKOUT_MSG.countryNotAllowed(country, allowed), `${param}[address][country]`);
  }
}

/** Writes `collected_information.shipping_details`, keeping the other collected fields. */
export function setShippingDetails(
  record: SessionRecord,
  details: Stripe.Checkout.Session.CollectedInformation.ShippingDetails,
): void {
  const collected = record.session.collected_information;
  record.session.collected_information = {
    business_name: collected?.business_name ?? null,
    individual_name: collected?.individual_name ?? null,
    shipping_details: details,
  };
}
