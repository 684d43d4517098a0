// What each profile offers on top of the cart (issue 14), as the create parameters that switch it on.
// Stripe refuses `allow_promotion_codes` beside `discounts` ("You may only specify one of these parameters:
// allow_promotion_codes, discounts"), so a session takes either the buyer's codes (GA) or the server's
// loyalty discount (the preview's `permissions.update_discounts`), never both.
import type { BillingInterval, Plan } from '@/lib/catalog';
import type { Profile } from '@/lib/checkout/session-params';

/** What the checkout page offers the buyer beside the cart, by profile. */
export type CheckoutOffers = { promotionCodes: boolean; loyaltyDiscount: boolean };

export const checkoutOffers = (profile: Profile): CheckoutOffers => ({
  promotionCodes: profile === 'ga',
  loyaltyDiscount: profile === 'seed',
});

/** GA: the buyer may type a promotion code (Stripe.js `applyPromotionCode`); Stripe validates it. */
export const GA_PROMOTION_CODES = { allow_promotion_codes: true } as const;

/** Preview: only the server sets discounts (lib/checkout/loyalty-discount.ts). */
export const SEED_DISCOUNT_PERMISSION = { update_discounts: 'server_only' } as const;

/** A plan's free days for an interval, from the catalog. */
export const trialDaysFor = (plan: Pick<Plan, 'trialDays'>, interval: BillingInterval) => plan.trialDays[interval];

/**
 * The trial a new plan checkout gets. Preview: the interval's trial, which the interval switch then moves
 * along in the same update as the price. GA: none. Stripe's GA API sets a trial on create only, so after
 * a switch the session would keep the trial of the interval it started with (7 days on a yearly plan
 * that the catalog gives 14); a GA buyer pays on the day rather than reading a trial that may be wrong.
 */
export function trialOnCreate(profile: Profile, plan: Pick<Plan, 'trialDays'>, interval: BillingInterval) {
  return profile === 'seed' ? { subscription_data: { trial_period_days: trialDaysFor(plan, interval) } } : {};
}

/**
 * What an interval switch sends beside the price swap, in the same update: the new interval's trial
 * (preview; switching back restores the monthly one). GA has no trial to move (see `trialOnCreate`).
 */
export function trialUpdate(
  profile: Profile,
  plan: Pick<Plan, 'trialDays'>,
  interval: BillingInterval,
): { trialPeriodDays?: number } {
  return profile === 'seed' ? { trialPeriodDays: trialDaysFor(plan, interval) } : {};
}
