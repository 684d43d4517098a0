// A session's shipping options: at most 5, payment mode only, each an existing active rate or
// `shipping_rate_data`, all in the session's currency. Drafted first, stored on commit.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { exactlyOne, invalid, notFound } from '../core/errors';
import { buildShippingRate } from '../resources/shipping-rates';
import { CHECKOUT_MSG } from './messages';
import type { ShippingOptionParams } from './params';

export type DraftShipping = { rate: Stripe.ShippingRate; isNew: boolean };

export function draftShippingOptions(
  ctx: RequestCtx,
  options: ShippingOptionParams[] | '' | undefined,
  mode: Stripe.Checkout.Session.Mode,
  currency: string,
): DraftShipping[] {
  if (!options) return [];
  const list = options;
  if (list.length > 5) throw invalid(CHECKOUT_MSG.shippingTooMany, 'shipping_options');
  if (mode !== 'payment' && list.length > 0) throw invalid(CHECKOUT_MSG.shippingNotInSubscription, 'shipping_options');
  return list.map((option, index) => {
    const param = `shipping_options[${index}]`;
    const { shipping_rate: rateId, shipping_rate_data: rateData } = option;
    let draft: DraftShipping;
    if (rateId !== undefined && rateData === undefined) {
      const rate = ctx.store.get('shipping_rate', rateId);
      if (!rate) throw notFound('shipping rate', rateId, `${param}[shipping_rate]`);
      if (!rate.active) throw invalid(CHECKOUT_MSG.shippingRateInactive, `${param}[shipping_rate]`);
      draft = { rate, isNew: false };
    } else if (rateData !== undefined && rateId === undefined) {
      draft = { rate: buildShippingRate(ctx, rateData, `${param}[shipping_rate_data]`), isNew: true };
    } else {
      throw exactlyOne(CHECKOUT_MSG.shippingRateXorData, param, rateId !== undefined && rateData !== undefined);
    }
    checkShippingCurrency(draft.rate, currency, param);
    return draft;
  });
}

export function checkShippingCurrency(rate: Stripe.ShippingRate, currency: string, param: string): void {
  const rateCurrency = rate.fixed_amount?.currency ?? currency;
  if (rateCurrency !== currency) throw invalid(CHECKOUT_MSG.shippingCurrency(rateCurrency, currency), param);
}

export function commitShipping(ctx: RequestCtx, drafts: DraftShipping[]): Stripe.Checkout.Session.ShippingOption[] {
  return drafts.map(({ rate, isNew }) => {
    if (isNew) ctx.store.put('shipping_rate', rate.id, rate);
    return { shipping_amount: rate.fixed_amount?.amount ?? 0, shipping_rate: rate.id };
  });
}
