// Coupons: percent_off or amount_off + currency, a duration (once, repeating with duration_in_months,
// forever), max_redemptions and redeem_by. Create (with an optional id), retrieve, update (name,
// metadata), list, delete. `valid` turns false once redeemed max_redemptions times or past redeem_by.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { exactlyOne, invalid, missingParam, notFound } from '../core/errors';
import { randomToken } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { arr, dict, int, LIST_FIELDS, obj, str, type ParamsOf } from '../http/params';
import { route, type Route } from '../http/router';
import { CURRENCY, currencyOf, METADATA, mergeMetadata } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

/** The terms of a coupon, also accepted inline as a session's `discounts[][coupon_data]` (preview). */
export const COUPON_TERMS = {
  amount_off: int({ min: 1 }),
  currency: CURRENCY,
  duration: str({ enum: ['forever', 'once', 'repeating'] }),
  duration_in_months: int({ min: 1 }),
  name: str({ max: 40 }),
  percent_off: str(),
  metadata: METADATA,
};
export type CouponTerms = ParamsOf<typeof COUPON_TERMS>;

const CREATE_FIELDS = {
  ...COUPON_TERMS,
  id: str({ max: 200 }),
  max_redemptions: int({ min: 1 }),
  redeem_by: int(),
  applies_to: obj({ products: arr(str()) }),
  currency_options: dict(obj({ amount_off: int({ min: 1, required: true }) })),
};
const UPDATE_FIELDS = { name: str({ max: 40 }), metadata: METADATA };

export const COUPON_MSG = {
  oneOfAmounts: 'You must specify exactly one of these parameters: amount_off, percent_off.',
  currencyNeeded: 'You must specify `currency` when `amount_off` is set.',
  percentRange: (value: string) => `Invalid percent_off: ${value}. It must be a number greater than 0 and at most 100.`,
  monthsOnlyRepeating: '`duration_in_months` is only allowed, and required, when `duration` is `repeating`.',
  idTaken: (id: string) => `Coupon already exists: ${id}`,
  redeemByPast: '`redeem_by` must be in the future.',
  currencyOptionsNeedAmount: '`currency_options` is only supported if `amount_off` is passed.',
  currencyOptionSame: (currency: string) => `\`currency_options[${currency}]\` repeats the coupon's own \`currency\`.`,
} as const;

export function getCoupon(ctx: RequestCtx, id: string, param = 'id'): Stripe.Coupon {
  const coupon = ctx.store.get('coupon', id);
  if (!coupon) throw notFound('coupon', id, param);
  return coupon;
}

/** A coupon that is not stored yet, from its terms; `prefix` names the params in errors. */
export function buildCoupon(ctx: RequestCtx, terms: CouponTerms, id: string, prefix = ''): Stripe.Coupon {
  const at = (name: string) => (prefix ? `${prefix}[${name}]` : name);
  const { amount_off: amountOff, percent_off: rawPercent } = terms;
  if ((amountOff === undefined) === (rawPercent === undefined))
    throw exactlyOne(COUPON_MSG.oneOfAmounts, at('percent_off'), amountOff !== undefined);
  const percent = rawPercent === undefined ? null : Number(rawPercent);
  if (percent !== null && !(Number.isFinite(percent) && percent > 0 && percent <= 100))
    throw invalid(COUPON_MSG.percentRange(String(rawPercent)), at('percent_off'));
  if (amountOff !== undefined && terms.currency === undefined) throw missingParam(at('currency'));
  const duration = terms.duration ?? 'once';
  if ((duration === 'repeating') !== (terms.duration_in_months !== undefined))
    throw invalid(COUPON_MSG.monthsOnlyRepeating, at('duration_in_months'));
  return {
    id,
    object: 'coupon',
    amount_off: amountOff ?? null,
    created: ctx.clock.now(),
    currency: amountOff !== undefined && terms.currency ? currencyOf(terms.currency) : null,
    duration,
    duration_in_months: terms.duration_in_months ?? null,
    livemode: false,
    max_redemptions: null,
    metadata: mergeMetadata({}, terms.metadata),
    name: terms.name ?? null,
    percent_off: percent,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  };
}

export const newCouponId = () => randomToken(8);

function create(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.Coupon {
  const id = params.id ?? newCouponId();
  if (ctx.store.get('coupon', id)) throw invalid(COUPON_MSG.idTaken(id), 'id', 'resource_already_exists');
  if (params.redeem_by !== undefined && params.redeem_by <= ctx.clock.now())
    throw invalid(COUPON_MSG.redeemByPast, 'redeem_by');
  const coupon = buildCoupon(ctx, params, id);
  coupon.max_redemptions = params.max_redemptions ?? null;
  coupon.redeem_by = params.redeem_by ?? null;
  if (params.applies_to) coupon.applies_to = { products: checkProducts(ctx, params.applies_to.products ?? []) };
  if (params.currency_options) coupon.currency_options = currencyOptions(coupon, params.currency_options);
  return showCoupon(ctx, ctx.store.put('coupon', id, coupon));
}

function checkProducts(ctx: RequestCtx, products: string[]): string[] {
  products.forEach((product, index) => {
    if (!ctx.store.get('product', product)) throw notFound('product', product, `applies_to[products][${index}]`);
  });
  return products;
}

/** `currency_options`: the amount_off in other currencies (Stripe: "only supported if `amount_off` is passed"). */
function currencyOptions(
  coupon: Stripe.Coupon,
  given: Record<string, { amount_off: number }>,
): Record<string, Stripe.Coupon.CurrencyOptions> {
  if (coupon.amount_off === null) throw invalid(COUPON_MSG.currencyOptionsNeedAmount, 'currency_options');
  const out: Record<string, Stripe.Coupon.CurrencyOptions> = {};
  for (const [key, option] of Object.entries(given)) {
    const currency = currencyOf(key);
    if (currency === coupon.currency)
      throw invalid(COUPON_MSG.currencyOptionSame(currency), `currency_options[${key}]`);
    out[currency] = { amount_off: option.amount_off };
  }
  return out;
}

/** The amount a coupon takes off in a currency: its own, or its currency option; null when it has none there. */
export function amountOffIn(coupon: Stripe.Coupon, currency: string): number | null {
  if (coupon.amount_off === null) return null;
  return coupon.currency === currency ? coupon.amount_off : (coupon.currency_options?.[currency]?.amount_off ?? null);
}

/** Whether a coupon applies to a product (`applies_to.products`; a coupon without it applies to all). */
export function appliesToProduct(coupon: Stripe.Coupon, product: string): boolean {
  return !coupon.applies_to || coupon.applies_to.products.includes(product);
}

/** Whether the coupon can still be applied now (Stripe's `valid`, computed on the emulator's clock). */
export function couponValid(ctx: RequestCtx, coupon: Stripe.Coupon): boolean {
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) return false;
  return coupon.redeem_by === null || coupon.redeem_by > ctx.clock.now();
}

/**
 * The coupon as the API shows it: `valid` as of now; `applies_to` and `currency_options` are includable
 * only (Stripe's reference marks them expandable), added back by `expand[]` (checkout/expansions.ts).
 */
export function showCoupon(ctx: RequestCtx, coupon: Stripe.Coupon): Stripe.Coupon {
  const shown: Stripe.Coupon = { ...coupon, valid: couponValid(ctx, coupon) };
  delete shown.applies_to;
  delete shown.currency_options;
  return shown;
}

export const couponRoutes: Route[] = [
  createRoute('/v1/coupons', CREATE_FIELDS, create),
  retrieveRoute('/v1/coupons/:id', (ctx, id) => showCoupon(ctx, getCoupon(ctx, id))),
  updateRoute('/v1/coupons/:id', UPDATE_FIELDS, (ctx, params, id) => {
    const coupon = getCoupon(ctx, id);
    const next: Stripe.Coupon = { ...coupon, metadata: mergeMetadata(coupon.metadata, params.metadata) };
    if (params.name !== undefined) next.name = params.name;
    return showCoupon(ctx, ctx.store.put('coupon', id, next));
  }),
  listRoute('/v1/coupons', LIST_FIELDS, (ctx, params) =>
    paginate(
      newestFirst(ctx.store.table('coupon')).map((coupon) => showCoupon(ctx, coupon)),
      params,
      '/v1/coupons',
      'coupon',
    ),
  ),
  route({
    method: 'DELETE',
    pattern: '/v1/coupons/:id',
    auth: 'secret',
    params: {},
    handle: (ctx, _params, path) => {
      const coupon = getCoupon(ctx, path.id ?? '');
      // A session that already applies the coupon keeps its own copy of the terms (as Stripe's
      // discounts outlive a deleted coupon); new applications fail.
      ctx.store.table('coupon').delete(coupon.id);
      return { id: coupon.id, object: 'coupon', deleted: true };
    },
  }),
];
