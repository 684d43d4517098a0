// Promotion codes: a customer-facing code for a coupon. stripe@23 sends the coupon nested as
// `promotion[type]=coupon&promotion[coupon]=…` (the fixture's shape); the flat `coupon` of older
// versions is accepted too. Restrictions: minimum_amount (+ currency), first_time_transaction.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, missingParam, notFound } from '../core/errors';
import { newId, randomToken } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { bool, int, LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import { byActive, CURRENCY, currencyOf, METADATA, mergeMetadata } from './common';
import { getCoupon } from './coupons';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const CREATE_FIELDS = {
  promotion: obj({ type: str({ enum: ['coupon'], required: true }), coupon: str() }),
  coupon: str(),
  active: bool(),
  code: str({ max: 500 }),
  customer: str(),
  expires_at: int(),
  max_redemptions: int({ min: 1 }),
  metadata: METADATA,
  restrictions: obj({
    first_time_transaction: bool(),
    minimum_amount: int({ min: 0 }),
    minimum_amount_currency: CURRENCY,
  }),
};
const UPDATE_FIELDS = { active: bool(), metadata: METADATA };
const LIST_CODE_FIELDS = { ...LIST_FIELDS, active: bool(), code: str(), coupon: str(), customer: str() };

// Stripe's `code` param: "Valid characters are lower case letters (a-z), upper case letters (A-Z),
// digits (0-9), and dashes (-)" (the API reference, as stripe-node 23's PromotionCodeCreateParams carries it).
const CODE_PATTERN = /^[a-zA-Z0-9-]+$/;

export const PROMO_MSG = {
  codeTaken: (code: string) => `An active promotion code with \`code: ${code}\` already exists.`,
  codeFormat: 'Promotion codes may contain only letters (a-z, A-Z), digits (0-9) and dashes (-).',
  minimumCurrency: 'You must specify `restrictions[minimum_amount_currency]` with `restrictions[minimum_amount]`.',
  expiresPast: '`expires_at` must be in the future.',
} as const;

export function getPromotionCode(ctx: RequestCtx, id: string, param = 'id'): Stripe.PromotionCode {
  const promo = ctx.store.get('promotion_code', id);
  if (!promo) throw notFound('promotion code', id, param);
  return promo;
}

/** The coupon id of a promotion code (stored unexpanded). */
export function couponIdOf(promo: Stripe.PromotionCode): string {
  const coupon = promo.promotion.coupon;
  return typeof coupon === 'string' ? coupon : (coupon?.id ?? '');
}

// Codes compare case-insensitively, as customers type them (a choice: Stripe's docs show upper-case
// codes and say customers enter them; case-insensitive matching is unconfirmed).
export const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * Stripe's `code`: "Regardless of case, this code must be unique across all active promotion codes for
 * each customer" (API reference). So one customer's code may repeat another customer's; a code for
 * every customer (no `customer`) takes the code from all of them (that reading of "each customer" is
 * unconfirmed).
 */
const sameAudience = (a: string | null, b: string | null) => a === null || b === null || a === b;
/** The customer a promotion code is for (stored unexpanded). */
const customerIdOf = (promo: Stripe.PromotionCode) =>
  typeof promo.customer === 'string' ? promo.customer : (promo.customer?.id ?? null);

function create(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.PromotionCode {
  const couponId = params.promotion?.coupon ?? params.coupon;
  if (couponId === undefined) throw missingParam('promotion[coupon]');
  const coupon = getCoupon(ctx, couponId, params.promotion ? 'promotion[coupon]' : 'coupon');
  const code = params.code ?? randomToken(8).toUpperCase();
  if (!CODE_PATTERN.test(code)) throw invalid(PROMO_MSG.codeFormat, 'code');
  const active = params.active !== false;
  const customer = params.customer ?? null;
  const taken = [...ctx.store.table('promotion_code').values()].some(
    (p) => p.active && sameCode(p.code, code) && sameAudience(customerIdOf(p), customer),
  );
  if (active && taken) throw invalid(PROMO_MSG.codeTaken(code), 'code');
  const restrictions = params.restrictions ?? {};
  if (restrictions.minimum_amount !== undefined && restrictions.minimum_amount_currency === undefined) {
    throw invalid(PROMO_MSG.minimumCurrency, 'restrictions[minimum_amount_currency]');
  }
  if (params.expires_at !== undefined && params.expires_at <= ctx.clock.now())
    throw invalid(PROMO_MSG.expiresPast, 'expires_at');
  if (params.customer !== undefined && !ctx.store.get('customer', params.customer))
    throw notFound('customer', params.customer, 'customer');
  const id = newId('promo');
  const promo: Stripe.PromotionCode = {
    id,
    object: 'promotion_code',
    active,
    code,
    created: ctx.clock.now(),
    customer: params.customer ?? null,
    customer_account: null,
    expires_at: params.expires_at ?? null,
    livemode: false,
    max_redemptions: params.max_redemptions ?? null,
    metadata: mergeMetadata({}, params.metadata),
    promotion: { coupon: coupon.id, type: 'coupon' },
    restrictions: {
      first_time_transaction: restrictions.first_time_transaction === true,
      minimum_amount: restrictions.minimum_amount ?? null,
      minimum_amount_currency: restrictions.minimum_amount_currency
        ? currencyOf(restrictions.minimum_amount_currency)
        : null,
    },
    times_redeemed: 0,
  };
  return ctx.store.put('promotion_code', id, promo);
}

export const promotionCodeRoutes: Route[] = [
  createRoute('/v1/promotion_codes', CREATE_FIELDS, create),
  retrieveRoute('/v1/promotion_codes/:id', (ctx, id) => getPromotionCode(ctx, id)),
  updateRoute('/v1/promotion_codes/:id', UPDATE_FIELDS, (ctx, params, id) => {
    const promo = getPromotionCode(ctx, id);
    const next: Stripe.PromotionCode = { ...promo, metadata: mergeMetadata(promo.metadata, params.metadata) };
    if (params.active !== undefined) next.active = params.active;
    return ctx.store.put('promotion_code', id, next);
  }),
  listRoute('/v1/promotion_codes', LIST_CODE_FIELDS, (ctx, params) => {
    let items = byActive(newestFirst(ctx.store.table('promotion_code')), params.active);
    const { code, coupon, customer } = params;
    if (code !== undefined) items = items.filter((p) => sameCode(p.code, code));
    if (coupon !== undefined) items = items.filter((p) => couponIdOf(p) === coupon);
    if (customer !== undefined) items = items.filter((p) => p.customer === customer);
    return paginate(items, params, '/v1/promotion_codes', 'promotion_code');
  }),
];
