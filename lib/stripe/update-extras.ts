import 'server-only';
import type Stripe from 'stripe';
import type { DiscountsParam } from '@/lib/checkout/loyalty-discount';
import { UpstreamError } from '@/lib/errors';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';

/**
 * What a session update may carry beside its line items, both private preview (API-NOTES §6, "Discounts"
 * and "Trial durations"): the server's discount (`''` removes it) and the trial's length.
 */
export type CheckoutUpdateExtras = { discounts?: DiscountsParam; trialPeriodDays?: number };

// Today's SDK types list neither `discounts` nor `subscription_data` on a session update: the preview API
// version accepts them. Cast once, here.
export function updateExtraParams({ discounts, trialPeriodDays }: CheckoutUpdateExtras): Partial<Stripe.Checkout.SessionUpdateParams> {
  return {
    ...(discounts !== undefined && { discounts }),
    ...(trialPeriodDays !== undefined && { subscription_data: { trial_period_days: trialPeriodDays } }),
  } as Partial<Stripe.Checkout.SessionUpdateParams>;
}

/**
 * Sends a session its new discount alone (the loyalty endpoint). When the outcome is unknown, `landed`
 * reads the session back and says whether it holds the discount sent; if not, the failure stands.
 */
export async function updateCheckoutDiscounts(id: string, discounts: DiscountsParam, landed: () => Promise<boolean>): Promise<void> {
  try {
    await callStripe(() => stripe().checkout.sessions.update(id, updateExtraParams({ discounts })));
  } catch (error) {
    if (!(error instanceof UpstreamError && error.outcomeUnknown)) throw error;
    if (!(await landed().catch(() => false))) throw error;
  }
}
