// Amounts of a Checkout Session, computed as Stripe does with manual tax rates: per line, from the
// price's unit amount × quantity, less the line's share of the discount (discounts apply before
// tax), then each tax rate on that line, rounded per line.
// - exclusive rate: tax = round(net × pct / 100), added on top;
// - inclusive rates: the line's amount already holds them: net = round(amount / (1 + Σpct / 100)),
//   and the difference is split across the inclusive rates (the last one takes the rounding remainder).
// Rounding is half-up on minor units (a documented choice: Stripe does not publish its tie rule).
// Shipping carries no tax here: manual tax rates do not apply to shipping rates (a rate's
// tax_behavior only matters to Stripe Tax, which the local Stripe does not emulate).
import type Stripe from 'stripe';

export type LineTax = { amount: number; rate: Stripe.TaxRate; taxable_amount: number };
export type LineAmounts = {
  amount_subtotal: number;
  amount_discount: number;
  amount_tax: number;
  amount_total: number;
  taxes: LineTax[];
};

export function lineAmounts(unitAmount: number, quantity: number, rates: Stripe.TaxRate[], discount = 0): LineAmounts {
  const subtotal = unitAmount * quantity;
  const gross = subtotal - discount;
  const inclusive = rates.filter((r) => r.inclusive);
  const exclusive = rates.filter((r) => !r.inclusive);
  const inclusivePct = inclusive.reduce((sum, r) => sum + (r.percentage ?? 0), 0);
  const net = inclusive.length ? Math.round(gross / (1 + inclusivePct / 100)) : gross;
  const taxes: LineTax[] = [];
  let included = gross - net;
  inclusive.forEach((rate, i) => {
    const amount = i === inclusive.length - 1 ? included : Math.round((net * (rate.percentage ?? 0)) / 100);
    included -= amount;
    taxes.push({ amount, rate, taxable_amount: net });
  });
  for (const rate of exclusive) {
    taxes.push({ amount: Math.round((net * (rate.percentage ?? 0)) / 100), rate, taxable_amount: net });
  }
  const exclusiveTax = taxes.filter((t) => !t.rate.inclusive).reduce((s, t) => s + t.amount, 0);
  const amountTax = taxes.reduce((s, t) => s + t.amount, 0);
  return {
    amount_subtotal: subtotal,
    amount_discount: discount,
    amount_tax: amountTax,
    amount_total: gross + exclusiveTax,
    taxes,
  };
}

/**
 * Each line's share of a coupon, never more than the line. The coupon's amount is taken off the
 * subtotal of the lines it applies to (`eligible`: all, or its `applies_to.products`) once: percent_off is rounded on the total (3 × 333 at 50 % is 500, not 3 × 167 = 501), as
 * Stripe shows one discount amount for the session; amount_off is capped at the subtotal. That amount
 * is split in proportion to the line subtotals, each share rounded down, and the cents left over go
 * one by one to the lines with the largest remainders (earlier lines first on a tie), so the shares
 * always add up to the session's discount (the split across lines is a choice, unconfirmed by Stripe's docs).
 */
export function allocateDiscount(
  subtotals: number[],
  coupon: { percent_off: number | null; amount_off: number | null } | null,
  eligible: boolean[] = subtotals.map(() => true),
): number[] {
  // A coupon with applies_to discounts the lines of its products only, on their subtotal.
  const base = subtotals.map((amount, index) => (eligible[index] ? amount : 0));
  const total = base.reduce((sum, amount) => sum + amount, 0);
  if (!coupon || total === 0) return subtotals.map(() => 0);
  const off =
    coupon.percent_off !== null
      ? Math.round((total * coupon.percent_off) / 100)
      : Math.min(coupon.amount_off ?? 0, total);
  const exact = base.map((amount) => (off * amount) / total);
  const shares = exact.map(Math.floor);
  let left = off - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

export type SessionTotals = {
  amount_subtotal: number;
  amount_total: number;
  amount_discount: number;
  amount_tax: number;
  amount_shipping: number;
};

export function sessionTotals(lines: LineAmounts[], shippingAmount: number): SessionTotals {
  const subtotal = lines.reduce((s, l) => s + l.amount_subtotal, 0);
  const lineTotals = lines.reduce((s, l) => s + l.amount_total, 0);
  const tax = lines.reduce((s, l) => s + l.amount_tax, 0);
  const discount = lines.reduce((s, l) => s + l.amount_discount, 0);
  return {
    amount_subtotal: subtotal,
    amount_total: lineTotals + shippingAmount,
    amount_discount: discount,
    amount_tax: tax,
    amount_shipping: shippingAmount,
  };
}
