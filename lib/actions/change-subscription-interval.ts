import 'server-only';
import { loadBoundCheckout } from '@/lib/actions/load-bound-checkout';
import { PLAN, type BillingInterval } from '@/lib/catalog';
import { planLineItems } from '@/lib/checkout/line-items';
import { trialUpdate } from '@/lib/checkout/session-offers';
import { switchIntervalChanges } from '@/lib/checkout/subscription-interval';
import { env } from '@/lib/env';
import { catalogIds, withCatalogIds } from '@/lib/stripe/catalog';
import { updateCheckout } from '@/lib/stripe/checkout-sessions';
import { isSeedProfile } from '@/lib/stripe/client';

/**
 * The seed's flow: switch the plan between monthly and yearly billing. Two Stripe calls at most: the
 * session (with its line items) is retrieved, checked (this browser's, open, a subscription), the rule
 * decides, and one update sends the new array, and on the preview profile the new interval's trial with
 * it (7 days monthly, 14 yearly), so the price and the trial never disagree. Nothing is changed before
 * every check has passed.
 */
export async function changeSubscriptionInterval(input: {
  sessionId: string;
  interval: BillingInterval;
  browserToken: string | undefined;
}): Promise<void> {
  // The catalog lookup (cached) warms beside the preamble's retrieve.
  const [session] = await Promise.all([loadBoundCheckout({ ...input, mode: 'subscription' }), catalogIds()]);
  await withCatalogIds(async (ids) => {
    const plan = {
      monthly: ids.prices.get(PLAN.prices.monthly.lookupKey)!,
      yearly: ids.prices.get(PLAN.prices.yearly.lookupKey)!,
    };
    const changes = switchIntervalChanges(session.lines, plan, input.interval);
    if (changes.length === 0) return;
    const trial = trialUpdate(isSeedProfile(env().apiVersion) ? 'seed' : 'ga', input.interval);
    await updateCheckout(session.id, planLineItems(session.lines, changes), trial);
  });
}
