// What a refund from the back office gives back, decided from the order as recorded: each line's amount as
// Stripe charged it (after its discount, with its tax) split by units, so refunding a line unit by unit adds
// up to exactly what was charged for it; a whole-order refund gives back everything not refunded yet
// (shipping included). Pure: the action reads the order, this decides, then Stripe is called.
import type { RefundedLine } from '@/lib/db/schema';

export type RefundableLine = {
  position: number;
  description: string;
  quantity: number;
  /** What Stripe charged for the line: after its discount, with its tax. */
  amountTotal: number;
  /** Units already refunded by earlier refunds of this order. */
  refundedUnits: number;
};

export type RefundableOrder = { amountTotal: number; amountRefunded: number; lines: RefundableLine[] };

export type RefundRequest = { kind: 'order' } | { kind: 'lines'; lines: RefundedLine[] };

export type RefundPlan = { amount: number; lines: RefundedLine[] };

export class RefundPlanError extends Error {
  readonly code = 'refund_plan';
}

/** The part of a line's total that units `from`..`from + units` carry (floored per boundary, so parts sum to the total). */
export function unitsAmount(
  line: Pick<RefundableLine, 'quantity' | 'amountTotal'>,
  from: number,
  units: number,
): number {
  const upTo = (n: number) => Math.floor((line.amountTotal * n) / line.quantity);
  return upTo(from + units) - upTo(from);
}

export function planRefund(order: RefundableOrder, request: RefundRequest): RefundPlan {
  const left = order.amountTotal - order.amountRefunded;
  if (left <= 0) throw new RefundPlanError('This order has been refunded in full already.');
  if (request.kind === 'order') {
    const lines = order.lines
      .filter((l) => l.quantity > l.refundedUnits)
      .map((l) => ({ position: l.position, quantity: l.quantity - l.refundedUnits }));
    return { amount: left, lines };
  }
  let amount = 0;
  const lines: RefundedLine[] = [];
  for (const asked of request.lines) {
    if (asked.quantity === 0) continue;
    const line = order.lines.find((l) => l.position === asked.position);
    if (!line) throw new RefundPlanError('That line is not on this order.');
    const open = line.quantity - line.refundedUnits;
    if (asked.quantity > open)
      throw new RefundPlanError(`Only ${open} of “${line.description}” can still be refunded.`);
    amount += unitsAmount(line, line.refundedUnits, asked.quantity);
    lines.push(asked);
  }
  if (lines.length === 0) throw new RefundPlanError('Choose at least one unit to refund.');
  // Refunds made outside the back office (the Dashboard) are not tied to lines: never give back more than is left.
  if (amount > left) throw new RefundPlanError('That is more than is left to refund on this order.');
  return { amount, lines };
}

/**
 * What a back-office refund was for, carried in the Stripe refund's metadata: whichever books it first (the
 * back office, or the webhook about it arriving sooner) books the same lines and restock.
 */
export function refundMetadata(orderId: number, plan: RefundPlan, restock: boolean): Record<string, string> {
  return {
    order_id: String(orderId),
    lines: plan.lines.map((l) => `${l.position}x${l.quantity}`).join(','),
    restock: restock ? 'yes' : 'no',
  };
}

export function refundFromMetadata(metadata: Record<string, string> | null): {
  lines: RefundedLine[];
  restock: boolean;
} {
  const lines = (metadata?.lines ?? '')
    .split(',')
    .map((part) => /^(\d{1,4})x(\d{1,6})$/.exec(part))
    .filter((match) => match !== null)
    .map((match) => ({ position: Number(match[1]), quantity: Number(match[2]) }));
  return { lines, restock: metadata?.restock === 'yes' };
}
