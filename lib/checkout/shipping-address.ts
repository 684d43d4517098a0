// A shipping address: the app's own type for it, and the schema of the one the buyer sends (the countries the
// shop ships to, the fields each country needs: a US address needs its state and ZIP; every length capped).
// Pure, so the route and its tests share it.
//
// One address type per boundary: Stripe's snake_case (`postal_code`) exists only at its doors, the body the
// browser sends (Stripe.js's Address Element `getValue()`, parsed here) and lib/stripe (mapped both ways in
// lib/stripe/checkout-sessions.ts); inside, the app speaks `ShippingDetails` below; the database keeps its
// own stored JSON (`StoredShipping`, lib/db/schema.ts), mapped in lib/db/orders.ts.
import { z } from 'zod';
import { SHIPS_TO } from '@/lib/catalog';
import { BUYER_MESSAGE } from '@/lib/errors';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country's name for a message ("Japan"); the code itself when it is not a known region. */
export function countryName(code: string): string {
  const listed = SHIPS_TO.find((country) => country.code === code);
  if (listed) return listed.name;
  try {
    return /^[A-Z]{2}$/.test(code) ? (regionNames.of(code) ?? code) : code;
  } catch {
    return code;
  }
}

export const notShippedMessage = (code: string) => `We don't ship to ${countryName(code)}.`;

/** Postal codes and states by country; a country not listed here needs a postal code of some shape. */
const POSTAL: Record<string, { postal: RegExp; postalName: string; state?: RegExp; stateName?: string }> = {
  US: {
    postal: /^\d{5}(-\d{4})?$/,
    postalName: 'a 5-digit ZIP code',
    state: /^[A-Z]{2}$/,
    stateName: 'a 2-letter state',
  },
  CA: {
    postal: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
    postalName: 'a postal code like K1A 0B1',
    state: /^[A-Z]{2}$/,
    stateName: 'a 2-letter province',
  },
  GB: { postal: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, postalName: 'a postcode like SW1A 1AA' },
  DE: { postal: /^\d{5}$/, postalName: 'a 5-digit postal code' },
  FR: { postal: /^\d{5}$/, postalName: 'a 5-digit postal code' },
  NL: { postal: /^\d{4} ?[A-Z]{2}$/i, postalName: 'a postal code like 1012 AB' },
};

/** A postal address, as the app holds it. */
export type Address = {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string;
  country: string;
};

/** Whether two addresses are the same place, field by field (null and absent alike). */
export const sameAddress = (a: Address | null | undefined, b: Address | null | undefined) =>
  (['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const).every(
    (field) => (a?.[field] ?? null) === (b?.[field] ?? null),
  );

/** Where the goods go: who, and the address. */
export type ShippingDetails = { name: string; address: Address };

const text = (max: number) => z.string().trim().min(1).max(max);

/** The address the browser sends, in Stripe.js's shape, checked and turned into ours. */
export const shippingDetailsSchema = z
  .strictObject({
    name: text(100),
    address: z.strictObject({
      line1: text(200),
      line2: z.string().trim().max(200).nullish(),
      city: text(100),
      state: z.string().trim().max(50).nullish(),
      postal_code: text(20),
      country: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'A 2-letter country code'),
    }),
  })
  .superRefine(({ address }, ctx) => {
    if (!SHIPS_TO.some((country) => country.code === address.country)) {
      ctx.addIssue({
        code: 'custom',
        path: ['address', 'country'],
        message: notShippedMessage(address.country),
        params: { [BUYER_MESSAGE]: true },
      });
      return;
    }
    const rules = POSTAL[address.country];
    if (rules && !rules.postal.test(address.postal_code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['address', 'postal_code'],
        message: `Please enter ${rules.postalName}.`,
        params: { [BUYER_MESSAGE]: true },
      });
    }
    if (rules?.state && !rules.state.test(address.state?.toUpperCase() ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['address', 'state'],
        message: `Please enter ${rules.stateName}.`,
        params: { [BUYER_MESSAGE]: true },
      });
    }
  })
  .transform(({ name, address }): ShippingDetails => ({
    name,
    address: {
      line1: address.line1,
      line2: address.line2 || null,
      city: address.city,
      state: address.state ? address.state.toUpperCase() : null,
      postalCode: address.postal_code.toUpperCase(),
      country: address.country,
    },
  }));

/** A shipping address as the browser sends it (what `shippingDetailsSchema` takes, before trimming). */
export type ShippingDetailsInput = z.input<typeof shippingDetailsSchema>;
