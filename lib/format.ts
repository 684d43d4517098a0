/** Formats an integer amount in the currency's minor unit, e.g. formatMoney(2400, 'usd') → "$24.00". */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}
