// `discounts` on a session update (preview only, API-NOTES §6 "Discounts"): `[{coupon}]` or
// `[{coupon_data: {name, percent_off | amount_off + currency, duration}}]`, `''` or `[]` removes; at
// most one; refused on a session that takes promotion codes. A `coupon_data` coupon is stored only
// when the whole update succeeds.
import type { RequestCtx } from '../core/context';
import { exactlyOne, exclusive, invalid, notFound } from '../core/errors';
import type { AppliedDiscount, SessionRecord } from '../core/session-record';
import { buildCoupon, newCouponId, type CouponTerms } from '../resources/coupons';
import { applied, checkCoupon, DISCOUNT_MSG } from './discounts';

type DiscountParam = { coupon?: string; coupon_data?: CouponTerms };
export type DraftDiscount = { commit(): AppliedDiscount | null };

export function draftUpdateDiscount(
  ctx: RequestCtx,
  record: SessionRecord,
  discounts: DiscountParam[] | '',
  currency: string,
): DraftDiscount {
  if (discounts === '' || discounts.length === 0) return { commit: () => null };
  if (record.session.allow_promotion_codes) throw exclusive(DISCOUNT_MSG.exclusive, 'discounts');
  if (discounts.length > 1) throw invalid(DISCOUNT_MSG.onlyOne, 'discounts');
  const [first = {}] = discounts;
  const param = 'discounts[0]';
  if ((first.coupon === undefined) === (first.coupon_data === undefined))
    throw exactlyOne(DISCOUNT_MSG.couponXorData, param, first.coupon !== undefined);
  if (first.coupon !== undefined) {
    const coupon = ctx.store.get('coupon', first.coupon);
    if (!coupon) throw notFound('coupon', first.coupon, `${param}[coupon]`);
    checkCoupon(ctx, coupon, currency, `${param}[coupon]`);
    return { commit: () => applied(ctx, coupon, null) };
  }
  const coupon = buildCoupon(ctx, first.coupon_data ?? {}, newCouponId(), `${param}[coupon_data]`);
  checkCoupon(ctx, coupon, currency, `${param}[coupon_data]`);
  return {
    commit: () => {
      ctx.store.put('coupon', coupon.id, coupon);
      return applied(ctx, coupon, null);
    },
  };
}
