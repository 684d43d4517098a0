// The tax of an order by its destination, from the catalog's table (not Stripe Tax: see the README).
// Pure: the server picks each line's rate with it; the arithmetic below is Stripe's for tax rates (per
// line, rounded half up), so tests and the checkout page can say what Stripe will charge.
import { TAX_RATES, type TaxRate } from '@/lib/catalog';
import type { Address } from '@/lib/checkout/shipping-address';

/** What the tax depends on: the address's country, and its state where the table lists states. */
export type Destination = Pick<Address, 'country'> & Partial<Pick<Address, 'state'>>;

/** The rate for a destination: its state's when listed, else its country's, else none. */
export function taxRateFor(destination: Destination): TaxRate | null {
  const inCountry = TAX_RATES.filter((rate) => rate.country === destination.country);
  const state = destination.state?.toUpperCase();
  return (
    inCountry.find((rate) => rate.state !== undefined && rate.state === state) ??
    inCountry.find((rate) => rate.state === undefined) ??
    null
  );
}

/**
 * The tax in a line's amount (minor units). Exclusive: added on top, round(amount × pct / 100). Inclusive:
 * already in the amount, amount − round(amount / (1 + pct / 100)).
 */
export function lineTax(amount: number, rate: Pick<TaxRate, 'percentage' | 'inclusive'> | null): number {
  if (!rate) return 0;
  if (rate.inclusive) return amount - Math.round(amount / (1 + rate.percentage / 100));
  return Math.round((amount * rate.percentage) / 100);
}

/** An order's total: the lines, the exclusive tax on top (inclusive tax is in the lines), the shipping (untaxed). */
export function orderTotal(lineAmounts: readonly number[], shipping: number, rate: TaxRate | null) {
  const subtotal = lineAmounts.reduce((sum, amount) => sum + amount, 0);
  const tax = lineAmounts.reduce((sum, amount) => sum + lineTax(amount, rate), 0);
  return { subtotal, tax, shipping, total: subtotal + shipping + (rate && !rate.inclusive ? tax : 0) };
}
