// One formatter per locale and currency: making one costs ~60 µs, using it ~1 µs, and a page formats dozens.
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

/** Formats an integer amount in the currency's minor unit, e.g. formatMoney(2400, 'usd') → "$24.00". */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  const code = currency.toUpperCase();
  const key = `${locale} ${code}`;
  let money = moneyFormats.get(key);
  if (!money) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    money = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(key, money);
  }
  return money.format.format(minorUnits / 10 ** money.digits);
}

/** A charged amount, or "Free" for nothing (a gift line, free shipping), as the checkout and receipt show it. */
export const formatPrice = (minorUnits: number, currency: string) =>
  minorUnits === 0 ? 'Free' : formatMoney(minorUnits, currency);

const regionNames = new Intl.DisplayNames(['en-US'], { type: 'region' });

/** A country's name from its ISO code ("DE" → "Germany"); the code itself when the runtime has no name for it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

type AddressParts = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
};

/**
 * An address as a parcel's label lists it: the street lines, then "City, ST 12345" where it has a state (the US,
 * Canada) or "12345 City" where it has none, then the country's name. Empty parts are left out.
 */
export function addressLines({ line1, line2, city, state, postalCode, country }: AddressParts): string[] {
  const place = state ? [[city, state].filter(Boolean).join(', '), postalCode] : [postalCode, city];
  return [line1, line2, place.filter(Boolean).join(' '), country ? countryName(country) : null].filter(
    (part): part is string => Boolean(part),
  );
}

/** "A, B and C": how a sentence lists names. */
export function listNames(names: readonly string[]): string {
  return new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' }).format(names);
}

/** A percentage as the shop writes it: "7.25 %", "19 %". */
export const formatPercent = (percentage: number) => `${Number(percentage.toFixed(3))} %`;

/**
 * The Tax line's name, with its rate and place: "Tax (CA 7.25 %)" or "VAT included (DE 19 %)". The place is
 * the state when the rate is a state's, else the country; null parts are left out.
 */
export function taxLineLabel(tax: {
  displayName: string;
  inclusive: boolean;
  percentage?: number | null;
  place?: string | null;
}): string {
  const name = tax.inclusive
    ? `${tax.displayName} included`
    : tax.displayName === 'Sales tax'
      ? 'Tax'
      : tax.displayName;
  const detail = [tax.place, tax.percentage != null ? formatPercent(tax.percentage) : null].filter(Boolean).join(' ');
  return detail ? `${name} (${detail})` : name;
}

/** "House Blend, 340 g" with a no-break space before the unit, so a narrow card never wraps the "g" alone. */
export const keepUnitsTogether = (name: string) => name.replace(/(\d) (g|kg|ml|l|oz|lb)\b/g, '$1\u00a0$2');
