import { LineItemRuleError, type LineChange, type SessionLine } from '@/lib/checkout/line-items';
import type { BillingInterval } from '@/lib/catalog';

export type PlanPriceIds = Record<BillingInterval, string>;

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
  if (!line) throw new LineItemRuleError('This checkout has no subscription plan to switch');
  const target = plan[interval];
  return line.priceId === target ? [] : [{ kind: 'replace', id: line.id, priceId: target }];
}
