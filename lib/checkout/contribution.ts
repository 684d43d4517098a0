// The growers' cooperative contribution (lib/catalog.ts CONTRIBUTION): the one line the server prices itself
// (`price_data`), recognised by its line-item metadata rather than a lookup key. Every rule that reads a
// session's lines asks `isContribution` first; the cart rules never see it.
import { CONTRIBUTION, CURRENCY } from '@/lib/catalog';
import type { LineItemParam, SessionLine } from '@/lib/checkout/line-items';

export type ContributionPercent = (typeof CONTRIBUTION.percents)[number];

/** The line-item metadata that marks the contribution (and the share it was priced at). */
export const CONTRIBUTION_METADATA = {
  key: 'storefront_line',
  value: 'contribution',
  percentKey: 'contribution_percent',
} as const;

export const isContributionPercent = (value: number): value is ContributionPercent =>
  (CONTRIBUTION.percents as readonly number[]).includes(value);

export const isContribution = (line: Pick<SessionLine, 'metadata'>) =>
  line.metadata?.[CONTRIBUTION_METADATA.key] === CONTRIBUTION_METADATA.value;

/**
 * What `percent` of a paid subtotal comes to, in minor units, rounded to the cent half-up (2 % of $0.25 is
 * $0.005, which rounds up to $0.01): exact in integers, with no floating-point halves.
 */
export function contributionAmount(paidSubtotal: number, percent: ContributionPercent): number {
  return Math.floor((paidSubtotal * percent + 50) / 100);
}

/** The session's contribution line, if it has one, with the share it was priced at. */
export function contributionOf(
  lines: readonly SessionLine[],
): { line: SessionLine; percent: ContributionPercent } | null {
  const line = lines.find(isContribution);
  if (!line) return null;
  const percent = Number(line.metadata?.[CONTRIBUTION_METADATA.percentKey]);
  return { line, percent: isContributionPercent(percent) ? percent : 0 };
}

/** A new contribution line: priced here, untaxed (no tax rates), one unit. */
export function contributionParam(amount: number, percent: ContributionPercent): LineItemParam {
  return {
    price_data: { currency: CURRENCY, unit_amount: amount, product_data: { name: CONTRIBUTION.name } },
    quantity: 1,
    metadata: {
      [CONTRIBUTION_METADATA.key]: CONTRIBUTION_METADATA.value,
      [CONTRIBUTION_METADATA.percentKey]: String(percent),
    },
  };
}

export type ContributionPlan = {
  percent: ContributionPercent;
  amount: number;
  /** Nothing to send for the contribution: the line is there at the right amount, or absent and not wanted. */
  unchanged: boolean;
};

/** The contribution after a change: the share asked for (or kept), priced on the new paid subtotal. */
export function planContribution(
  lines: readonly SessionLine[],
  paidSubtotal: number,
  asked?: ContributionPercent,
): ContributionPlan {
  const current = contributionOf(lines);
  const percent = asked ?? current?.percent ?? 0;
  const amount = percent === 0 ? 0 : contributionAmount(paidSubtotal, percent);
  const unchanged = current
    ? current.percent === percent && current.line.unitAmount === amount && amount > 0
    : amount === 0;
  return { percent, amount, unchanged };
}

/**
 * The update's line items with the contribution as planned: the current line kept as it is (never with a tax
 * rate), or left out (removed) and, when wanted, a new one priced for the new subtotal placed last.
 */
export function withContribution(
  params: readonly LineItemParam[],
  lines: readonly SessionLine[],
  plan: ContributionPlan,
): LineItemParam[] {
  const current = contributionOf(lines)?.line;
  const others = params.filter((param) => !('id' in param) || param.id !== current?.id);
  if (plan.unchanged) return current ? [...others, { id: current.id }] : others;
  return plan.amount > 0 ? [...others, contributionParam(plan.amount, plan.percent)] : others;
}
