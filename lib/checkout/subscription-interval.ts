import { LineItemRuleError, type LineChange, type SessionLine } from '@/lib/checkout/line-items';
import type { BillingInterval } from '@/lib/catalog';

export type PlanPriceIds = Record<BillingInterval, string>;

/** The interval a session's plan is billed at, or null when the session has no plan line. */
export function currentInterval(lines: readonly SessionLine[], plan: PlanPriceIds): BillingInterval | null {
  const line = lines.find((candidate) => candidate.priceId === plan.monthly || candidate.priceId === plan.yearly);
  if (!line) return null;
  return line.priceId === plan.yearly ? 'yearly' : 'monthly';
}

/**
 * Switches the plan line to the other interval's price, keeping its id (and so its place and quantity).
 * Switching to the interval it already has changes nothing: a repeated click is harmless.
 */
export function switchIntervalChanges(
  lines: readonly SessionLine[],
  plan: PlanPriceIds,
  interval: BillingInterval,
): LineChange[] {
  const line = lines.find((candidate) => candidate.priceId === plan.monthly || candidate.priceId === plan.yearly);
  if (!line) throw new LineItemRuleError('This checkout has no subscription plan to switch');
  const target = plan[interval];
  return line.priceId === target ? [] : [{ kind: 'set_price', id: line.id, priceId: target }];
}
