import type { StripeCheckoutAmount } from '@stripe/stripe-js';

// Stripe amounts are integers in the currency's minor unit. Intl knows each currency's number of
// fraction digits (0 for JPY, 2 for USD, 3 for KWD), which is the divisor Stripe.js reports.
export function minorUnitsDivisor(currency: string): number {
  const digits = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).resolvedOptions().maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

export function formatAmount(minorUnits: number, currency: string, locale = 'en-US'): StripeCheckoutAmount {
  const code = currency.toUpperCase();
  const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(
    minorUnits / minorUnitsDivisor(code),
  );
  return { minorUnitsAmount: minorUnits, amount };
}
