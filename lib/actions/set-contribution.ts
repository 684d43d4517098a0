import 'server-only';
import { changeCheckout, type CheckoutAction } from '@/lib/actions/checkout-pipeline';
import type { ContributionPercent } from '@/lib/checkout/contribution';

/** The buyer adds (or changes, or takes off) a contribution to the growers' cooperative: the server prices it. */
export function setContribution(input: CheckoutAction & { percent: ContributionPercent }): Promise<void> {
  return changeCheckout(input, () => ({ contribution: input.percent }));
}
