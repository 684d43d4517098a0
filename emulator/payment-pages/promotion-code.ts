// The buyer's promotion code (Stripe.js applyPromotionCode / removePromotionCode): only on a session
// created with allow_promotion_codes, never while the server owns discounts; '' removes the code.
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import type { AppliedDiscount, SessionRecord } from '../core/session-record';
import { applied, cartOf, codeProblem, DISCOUNT_MSG, findCode } from '../checkout/discounts';
import { linesOf } from '../checkout/view';
import { couponIdOf } from '../resources/promotion-codes';
import { CLIENT_MSG } from './messages';

/** The session's next discount (null: none), or a refusal with a promotion_code_* error code. */
export function draftPromotionCode(ctx: RequestCtx, record: SessionRecord, typed: string): AppliedDiscount | null {
  const param = 'promotion_code';
  if (record.updateDiscounts === 'server_only')
    throw invalid(CLIENT_MSG.discountsServerOnly, param, 'checkout_session_permission_denied');
  if (typed === '') {
    if (record.discount && !record.discount.promotionCode) throw invalid(CLIENT_MSG.notAPromotionCode, param);
    return null;
  }
  if (!record.session.allow_promotion_codes)
    throw invalid(DISCOUNT_MSG.codesNotAllowed, param, 'promotion_codes_not_allowed');
  const code = typed.trim();
  const promo = findCode(ctx, code, cartOf(record.session).customer);
  // The minimum is checked against the items' subtotal (a trial's $0 due today does not count).
  const subtotal = linesOf(ctx, record).reduce((sum, line) => sum + line.amounts.amount_subtotal, 0);
  const problem = codeProblem(ctx, { ...cartOf(record.session), subtotal }, promo, code);
  if (problem || !promo)
    throw invalid(problem?.message ?? DISCOUNT_MSG.codeInvalid(code), param, problem?.code ?? 'promotion_code_invalid');
  const coupon = ctx.store.get('coupon', couponIdOf(promo));
  if (!coupon) throw invalid(DISCOUNT_MSG.codeInvalid(code), param, 'promotion_code_invalid');
  return applied(ctx, coupon, promo);
}
