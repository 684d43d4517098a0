// Amounts of a Checkout Session, computed as Stripe does with manual tax rates: per line, from the
// price's unit amount × quantity, then each tax rate on that line, rounded per line.
// - exclusive rate: tax = round(net × pct / 100), added on top;
// - inclusive rates: the line's amount already holds them: net = round(amount / (1 + Σpct / 100)),
//   and the difference is split across the inclusive rates (the last one takes the rounding remainder).
// Rounding is half-up on minor units (a documented choice: Stripe does not publish its tie rule).
// Shipping carries no tax here: manual tax rates do not apply to shipping rates.
import type Stripe from 'stripe';

export type LineTax = { amount: number; rate: Stripe.TaxRate; taxable_amount: number };
export type LineAmounts = { amount_subtotal: number; amount_tax: number; amount_total: number; taxes: LineTax[] };

export function lineAmounts(unitAmount: number, quantity: number, rates: Stripe.TaxRate[]): LineAmounts {
  const gross = unitAmount * quantity;
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
  return { amount_subtotal: gross, amount_tax: amountTax, amount_total: gross + exclusiveTax, taxes };
}

export type SessionTotals = {
  amount_subtotal: number;
  amount_total: number;
  amount_tax: number;
  amount_shipping: number;
};

export function sessionTotals(lines: LineAmounts[], shippingAmount: number): SessionTotals {
  const subtotal = lines.reduce((s, l) => s + l.amount_subtotal, 0);
  const lineTotals = lines.reduce((s, l) => s + l.amount_total, 0);
  const tax = lines.reduce((s, l) => s + l.amount_tax, 0);
  return { amount_subtotal: subtotal, amount_total: lineTotals + shippingAmount, amount_tax: tax, amount_shipping: shippingAmount };
}
