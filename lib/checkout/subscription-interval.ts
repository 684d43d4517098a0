import { BILLING_INTERVALS, PLANS, type BillingInterval, type Plan } from '@/lib/catalog';
import { LineItemRuleError, type LineChange, type SessionLine } from '@/lib/checkout/line-items';
import type { CatalogIds } from '@/lib/checkout/types';

export type PlanPriceIds = Record<BillingInterval, string>;

const NO_PLAN = 'This checkout has no subscription plan to switch';

/** The catalog's plan a subscription session holds, found by its line's price, with the price ids of both intervals. */
export function planOfSession(
  lines: readonly SessionLine[],
  ids: Pick<CatalogIds, 'prices'>,
): { plan: Plan; priceIds: PlanPriceIds } {
  for (const plan of PLANS) {
    const priceIds = Object.fromEntries(
      BILLING_INTERVALS.map((interval) => [interval, ids.prices.get(plan.prices[interval].lookupKey)]),
    ) as Partial<PlanPriceIds>;
    if (
      priceIds.monthly &&
      priceIds.yearly &&
      lines.some((line) => line.priceId === priceIds.monthly || line.priceId === priceIds.yearly)
    ) {
      return { plan, priceIds: { monthly: priceIds.monthly, yearly: priceIds.yearly } };
    }
  }
  throw new LineItemRuleError(NO_PLAN);
}

/**
 * Switches the plan line to the other interval's price: a new line in its place, with its quantity, as the
 * seed page's sample does. (The API reference also lets a kept `id` take a new `price`; replacing is the
 * documented path for a price swap, so we take it.) Switching to the current interval changes nothing.
 */
export function switchIntervalChanges(
  lines: readonly SessionLine[],
  plan: PlanPriceIds,
  interval: BillingInterval,
): LineChange[] {
  const line = lines.find((candidate) => candidate.priceId === plan.monthly || candidate.priceId === plan.yearly);
  if (!line) throw new LineItemRuleError(NO_PLAN);
  const target = plan[interval];
  return line.priceId === target ? [] : [{ kind: 'replace', id: line.id, priceId: target }];
}
