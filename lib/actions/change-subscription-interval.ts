import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';
import type { BillingInterval } from '@/lib/catalog';

/**
 * The seed's flow: switch the plan between monthly and yearly billing. Through the same pipeline as every change
 * (two Stripe calls: retrieve, update), so two tabs' switches land one after the other; on the preview profile the
 * new interval's trial goes in the same update as the price, so the price and the trial never disagree.
 */
export function changeSubscriptionInterval(input: CheckoutAction & { interval: BillingInterval }): Promise<void> {
  return changeCheckout(input, () => ({ interval: input.interval }), 'subscription');
}
