// Small rules and param declarations shared by every resource.
import { STRIPE_COUNTRIES } from '../core/countries';
import { invalid, METADATA_LIMITS, MSG } from '../core/errors';
import { map, str, type Spec } from '../http/params';

export type Metadata = Record<string, string>;

/** Stripe's metadata update: keys merge, a key set to '' is removed, `metadata=''` clears all. */
export function mergeMetadata(current: Metadata | null, update: Metadata | '' | undefined): Metadata {
  if (update === undefined) return { ...(current ?? {}) };
  if (update === '') return {};
  const next: Metadata = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  // The limit holds for the merged result too: an update may add keys to ones already there.
  const count = Object.keys(next).length;
  if (count > METADATA_LIMITS.keys) throw invalid(MSG.metadataTooManyKeys(count), 'metadata');
  return next;
}

export const METADATA = map();
export const CURRENCY = str({ max: 3 });
export const REQUIRED_CURRENCY = str({ max: 3, required: true });
export const TAX_BEHAVIOR = str({ enum: ['exclusive', 'inclusive', 'unspecified'] });

const COUNTRY_CODES: ReadonlySet<string> = new Set(STRIPE_COUNTRIES);

export const COMMON_MSG = {
  // Stripe's wording for an unknown country (its message goes on to point at ISO's list).
  unknownCountry: (value: string) =>
    `Country '${value}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
} as const;

/**
 * A two-letter country code Stripe knows (core/countries.ts), in either case; `USA` is refused with
 * Stripe's `country_code_invalid`. An address must name a real place, so not `ZZ`, the "unknown region"
 * Stripe's list carries for allowed_countries (unconfirmed what Stripe answers for `ZZ` in an address).
 */
export function countryCode<const R extends boolean = false>(options: {
  required?: R;
  inAddress: boolean;
}): Spec<string, R> {
  const base = str({ max: 5000 });
  return {
    required: (options.required === true) as R,
    parse(value, param, features) {
      const code = base.parse(value, param, features);
      const upper = code.toUpperCase();
      if (!COUNTRY_CODES.has(upper) || (options.inAddress && upper === 'ZZ'))
        throw invalid(COMMON_MSG.unknownCountry(code), param, 'country_code_invalid');
      return code;
    },
  };
}

export const ADDRESS_FIELDS = {
  line1: str({ max: 5000 }),
  line2: str({ max: 5000 }),
  city: str({ max: 5000 }),
  state: str({ max: 5000 }),
  postal_code: str({ max: 5000 }),
  country: countryCode({ inAddress: true }),
};

export type Address = {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
};

export function toAddress(address: Partial<Record<keyof Address, string>> | undefined): Address {
  const orNull = (value: string | undefined) => (value ? value : null);
  return {
    city: orNull(address?.city),
    country: orNull(address?.country),
    line1: orNull(address?.line1),
    line2: orNull(address?.line2),
    postal_code: orNull(address?.postal_code),
    state: orNull(address?.state),
  };
}

/** Filters a list by `active=true|false` when the param is given. */
export function byActive<T extends { active: boolean }>(items: T[], active: boolean | undefined): T[] {
  return active === undefined ? items : items.filter((item) => item.active === active);
}

/** Lowercased 3-letter ISO code, as Stripe stores currencies. */
export function currencyOf(value: string): string {
  return value.toLowerCase();
}

/** `''` clears a field Stripe lets an update clear. */
export function orNullIfEmpty<T>(value: T | ''): T | null {
  return value === '' ? null : value;
}
