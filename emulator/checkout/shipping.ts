// A session's shipping options: at most 5, payment mode only, each an existing active rate or
// `shipping_rate_data`, all in the session's currency. Drafted first, stored on commit.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import type { Params } from '../http/params';
import { buildShippingRate } from '../resources/shipping-rates';
import { CHECKOUT_MSG as M } from './messages';

export type DraftShipping = { rate: Stripe.ShippingRate; isNew: boolean };

export function draftShippingOptions(
  ctx: RequestCtx,
  options: unknown,
  mode: Stripe.Checkout.Session.Mode,
  currency: string,
): DraftShipping[] {
  if (options === undefined || options === '') return [];
  const list = options as Params[];
  if (list.length > 5) throw invalid(M.shippingTooMany, 'shipping_options');
  if (mode !== 'payment' && list.length > 0) throw invalid(M.shippingNotInSubscription, 'shipping_options');
  return list.map((o, i) => {
    const param = `shipping_options[${i}]`;
    if ((o.shipping_rate === undefined) === (o.shipping_rate_data === undefined)) throw invalid(M.shippingRateXorData, param);
    let draft: DraftShipping;
    if (typeof o.shipping_rate === 'string') {
      const rate = ctx.store.get('shipping_rate', o.shipping_rate);
      if (!rate) throw notFound('shipping_rate', o.shipping_rate, `${param}[shipping_rate]`);
      if (!rate.active) throw invalid(M.shippingRateInactive, `${param}[shipping_rate]`);
      draft = { rate, isNew: false };
    } else {
      draft = { rate: buildShippingRate(ctx, o.shipping_rate_data as Params, `${param}[shipping_rate_data]`), isNew: true };
    }
    checkShippingCurrency(draft.rate, currency, param);
    return draft;
  });
}

export function checkShippingCurrency(rate: Stripe.ShippingRate, currency: string, param: string): void {
  const rateCurrency = rate.fixed_amount?.currency ?? currency;
  if (rateCurrency !== currency) throw invalid(M.shippingCurrency(rateCurrency, currency), param);
}

export function commitShipping(ctx: RequestCtx, drafts: DraftShipping[]): Stripe.Checkout.Session.ShippingOption[] {
  return drafts.map(({ rate, isNew }) => {
    if (isNew) ctx.store.put('shipping_rate', rate.id, rate);
    return { shipping_amount: rate.fixed_amount?.amount ?? 0, shipping_rate: rate.id };
  });
}
