// What Stripe's Address Element checks before it calls an address complete: every required field, and the
// postal code's and state's format for the countries it knows. Messages follow the element's own wording
// ("Your ZIP is invalid.", "This field is incomplete."). Pure, so node tests can run it; the browser
// element (./browser/address-element.ts) shows each message under its field.

export type AddressFields = {
  name: string;
  country: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postal_code: string;
};
export type AddressKey = keyof AddressFields;

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

const POSTAL_FORMATS: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  IE: /^[A-Z\d]{3} ?[A-Z\d]{4}$/i,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  AU: /^\d{4}$/,
  JP: /^\d{3}-?\d{4}$/,
};
/** Countries whose addresses need a state or province, and the codes Stripe's element offers for it. */
const REGIONS: Record<string, ReadonlySet<string>> = { US: US_STATES, CA: CA_PROVINCES };

export const INCOMPLETE = 'This field is incomplete.';

/** The postal code's name for a country, as Stripe's element labels it. */
export const postalLabel = (country: string) => (country === 'US' ? 'ZIP' : 'Postal code');
/** The state field's name for a country. */
export const regionLabel = (country: string) => (country === 'CA' ? 'Province' : 'State');
export const needsRegion = (country: string) => country in REGIONS;

/** Each field's problem, if any (only fields with one are listed). */
export function addressProblems(fields: AddressFields): Partial<Record<AddressKey, string>> {
  const problems: Partial<Record<AddressKey, string>> = {};
  for (const key of ['name', 'country', 'line1', 'city', 'postal_code'] as const) {
    if (!fields[key].trim()) problems[key] = INCOMPLETE;
  }
  const country = fields.country;
  const postal = fields.postal_code.trim();
  const format = POSTAL_FORMATS[country];
  if (postal && format && !format.test(postal))
    problems.postal_code = `Your ${postalLabel(country) === 'ZIP' ? 'ZIP' : 'postal code'} is invalid.`;
  const regions = REGIONS[country];
  const state = fields.state.trim();
  if (regions && !state) problems.state = INCOMPLETE;
  else if (regions && !regions.has(state.toUpperCase()))
    problems.state = `Your ${regionLabel(country).toLowerCase()} is invalid.`;
  return problems;
}
