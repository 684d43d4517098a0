// A session's one discount: from `discounts` on create ({coupon} or {promotion_code}), from the
// buyer's promotion code (allow_promotion_codes), or (preview) from `discounts` on update ({coupon} or
// {coupon_data}). Checked when applied; redeemed (times_redeemed + 1) when the session completes.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { exactlyOne, invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import type { AppliedDiscount, SessionRecord } from '../core/session-record';
import { amountOffIn, couponValid } from '../resources/coupons';
import { couponIdOf, sameCode } from '../resources/promotion-codes';

export const DISCOUNT_MSG = {
  exclusive: 'You may only specify one of these parameters: allow_promotion_codes, discounts.',
  onlyOne: 'You may only specify one discount on a Checkout Session.',
  couponXorPromotion: 'You must specify exactly one of these parameters: coupon, promotion_code.',
  couponXorData: 'You must specify exactly one of these parameters: coupon, coupon_data.',
  couponInvalid: (id: string) => `Coupon \`${id}\` is no longer valid (past its redeem_by date or fully redeemed).`,
  couponCurrency: (coupon: string, session: string) =>
    `The coupon's amount_off is in \`${coupon}\`, but this Checkout Session is in \`${session}\`.`,
  // The buyer-side wording is ours (Stripe.js shows its own localized text).
  codeInvalid: (code: string) => `The promotion code \`${code}\` is invalid or no longer available.`,
  codeMinimum: (code: string, minimum: string) =>
    `The promotion code \`${code}\` requires an order subtotal of at least ${minimum}.`,
  codesNotAllowed: 'This Checkout Session does not accept promotion codes (allow_promotion_codes is not set).',
} as const;

/**
 * A refusal of a code. The buyer's endpoint (Stripe.js's private API) answers `promotion_code_invalid` or
 * `promotion_code_minimum_amount`, which the local Stripe.js maps to its own codes; the secret API
 * answers Stripe's published `coupon_expired` for a code that is no longer redeemable, and no code for
 * a short subtotal (Stripe's published list has none for it: unconfirmed which it sends).
 */
export type CodeProblem = { code: 'promotion_code_invalid' | 'promotion_code_minimum_amount'; message: string };

/** Stripe's published code for a refused promotion code on the secret API. */
export const secretApiCode = (problem: CodeProblem) =>
  problem.code === 'promotion_code_invalid' ? 'coupon_expired' : undefined;

export function applied(
  ctx: RequestCtx,
  coupon: Stripe.Coupon,
  promotionCode: Stripe.PromotionCode | null,
): AppliedDiscount {
  return {
    id: newId('di'),
    coupon: structuredClone(coupon),
    promotionCode: promotionCode ? structuredClone(promotionCode) : null,
    start: ctx.clock.now(),
  };
}

export function checkCoupon(ctx: RequestCtx, coupon: Stripe.Coupon, currency: string, param: string): void {
  if (!couponValid(ctx, coupon)) throw invalid(DISCOUNT_MSG.couponInvalid(coupon.id), param, 'coupon_expired');
  if (coupon.amount_off !== null && amountOffIn(coupon, currency) === null)
    throw invalid(DISCOUNT_MSG.couponCurrency(String(coupon.currency), currency), param);
}

/** What a promotion code is checked against: the session's currency, customer and subtotal (before discounts). */
export type Cart = { currency: string; customer: string | null; subtotal: number };

export function cartOf(session: Stripe.Checkout.Session): Cart {
  return {
    currency: session.currency ?? 'usd',
    customer: typeof session.customer === 'string' ? session.customer : null,
    subtotal: session.amount_subtotal ?? 0,
  };
}

/** Why a promotion code cannot apply to this cart now, or null. */
export function codeProblem(
  ctx: RequestCtx,
  cart: Cart,
  promo: Stripe.PromotionCode | undefined,
  typed: string,
): CodeProblem | null {
  const bad: CodeProblem = { code: 'promotion_code_invalid', message: DISCOUNT_MSG.codeInvalid(typed) };
  if (!promo || !promo.active) return bad;
  if (promo.expires_at !== null && promo.expires_at <= ctx.clock.now()) return bad;
  if (promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions) return bad;
  const coupon = ctx.store.get('coupon', couponIdOf(promo));
  const { currency, customer } = cart;
  if (!coupon || !couponValid(ctx, coupon)) return bad;
  if (coupon.amount_off !== null && amountOffIn(coupon, currency) === null) return bad;
  if (promo.customer !== null && promo.customer !== customer) return bad;
  // first_time_transaction: a known customer who already completed a session (a guest always qualifies: a choice).
  if (promo.restrictions.first_time_transaction && customer !== null && hasPaid(ctx, customer)) return bad;
  const { minimum_amount: minimum, minimum_amount_currency: minimumCurrency } = promo.restrictions;
  if (minimum !== null && minimumCurrency === currency && cart.subtotal < minimum) {
    return {
      code: 'promotion_code_minimum_amount',
      message: DISCOUNT_MSG.codeMinimum(typed, `${(minimum / 100).toFixed(2)} ${currency.toUpperCase()}`),
    };
  }
  if (minimum !== null && minimumCurrency !== currency) return bad;
  return null;
}

function hasPaid(ctx: RequestCtx, customer: string): boolean {
  return [...ctx.store.table('checkout.session').values()].some(
    (r) => r.session.customer === customer && r.session.status === 'complete',
  );
}

/**
 * Whether a discount from a promotion code has lost its minimum: Stripe documents
 * `restrictions.minimum_amount` as the "Minimum amount required to redeem this Promotion Code into a
 * Coupon (e.g., a purchase must be $100 or more to work)" (API reference, PromotionCode object), and a
 * Checkout Session redeems its code when it completes. Stripe documents no rule for a later update that
 * lowers the subtotal, so the local Stripe keeps the documented one at every change: the discount goes
 * the moment the subtotal falls short, and the totals show what would be charged (unconfirmed whether
 * Stripe removes the code then or only refuses it at payment).
 */
export function minimumUnmet(discount: AppliedDiscount, currency: string, subtotal: number): boolean {
  const restrictions = discount.promotionCode?.restrictions;
  if (!restrictions || restrictions.minimum_amount === null) return false;
  return restrictions.minimum_amount_currency === currency && subtotal < restrictions.minimum_amount;
}

/** The active promotion code a buyer typed: the session customer's own first, else one for every customer. */
export function findCode(ctx: RequestCtx, typed: string, customer: string | null): Stripe.PromotionCode | undefined {
  const matches = [...ctx.store.table('promotion_code').values()].filter(
    (promo) => promo.active && sameCode(promo.code, typed),
  );
  return (
    matches.find((promo) => customer !== null && promo.customer === customer) ??
    matches.find((promo) => promo.customer === null) ??
    matches[0]
  );
}

/** `discounts` of a create: at most one, a coupon or a promotion code (by id), valid for the currency. */
export function draftCreateDiscount(
  ctx: RequestCtx,
  cart: Cart,
  discounts: Array<{ coupon?: string; promotion_code?: string }>,
): AppliedDiscount | null {
  if (discounts.length === 0) return null;
  if (discounts.length > 1) throw invalid(DISCOUNT_MSG.onlyOne, 'discounts');
  const [first] = discounts;
  const param = 'discounts[0]';
  if (!first || (first.coupon === undefined) === (first.promotion_code === undefined))
    throw exactlyOne(DISCOUNT_MSG.couponXorPromotion, param, first?.coupon !== undefined);
  const currency = cart.currency;
  if (first.coupon !== undefined) {
    const coupon = ctx.store.get('coupon', first.coupon);
    if (!coupon) throw notFound('coupon', first.coupon, `${param}[coupon]`);
    checkCoupon(ctx, coupon, currency, `${param}[coupon]`);
    return applied(ctx, coupon, null);
  }
  const promoId = first.promotion_code ?? '';
  const promo = ctx.store.get('promotion_code', promoId);
  if (!promo) throw notFound('promotion code', promoId, `${param}[promotion_code]`);
  const problem = codeProblem(ctx, cart, promo, promo.code);
  if (problem) throw invalid(problem.message, `${param}[promotion_code]`, secretApiCode(problem));
  return applied(ctx, ctx.store.get('coupon', couponIdOf(promo))!, promo);
}

/** The session's `discounts` field. */
export function sessionDiscounts(record: SessionRecord): Stripe.Checkout.Session.Discount[] {
  const d = record.discount;
  return d ? [{ coupon: d.coupon.id, promotion_code: d.promotionCode?.id ?? null }] : [];
}

/** The Discount object a line item's `discounts` (includable) points to. */
export function discountObject(record: SessionRecord, d: AppliedDiscount): Stripe.Discount {
  return {
    id: d.id,
    object: 'discount',
    checkout_session: record.session.id,
    customer: null,
    customer_account: null,
    end: null,
    invoice: null,
    invoice_item: null,
    promotion_code: d.promotionCode?.id ?? null,
    source: { coupon: d.coupon.id, type: 'coupon' },
    start: d.start,
    subscription: null,
    subscription_item: null,
  };
}

/** On completion: the coupon and the promotion code count one more redemption. */
export function redeemDiscount(ctx: RequestCtx, record: SessionRecord): void {
  const d = record.discount;
  if (!d) return;
  const coupon = ctx.store.get('coupon', d.coupon.id);
  if (coupon) ctx.store.put('coupon', coupon.id, { ...coupon, times_redeemed: coupon.times_redeemed + 1 });
  const promo = d.promotionCode ? ctx.store.get('promotion_code', d.promotionCode.id) : undefined;
  if (promo) ctx.store.put('promotion_code', promo.id, { ...promo, times_redeemed: promo.times_redeemed + 1 });
}
