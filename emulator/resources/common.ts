// Small rules shared by every resource.
import { invalid, METADATA_LIMITS, MSG } from '../core/errors';
import { map, str, type Spec } from '../http/params';

export type Metadata = Record<string, string>;

/** Stripe's metadata update: keys merge, a key set to '' is removed, `metadata=''` clears all. */
export function mergeMetadata(current: Metadata | null, update: unknown): Metadata {
  if (update === undefined) return { ...(current ?? {}) };
  if (update === '') return {};
  const next: Metadata = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(update as Metadata)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  // The limit holds for the merged result too: an update may add keys to ones already there.
  const count = Object.keys(next).length;
  if (count > METADATA_LIMITS.keys) throw invalid(MSG.metadataTooManyKeys(count), 'metadata');
  return next;
}

export const METADATA: Spec = map();
export const CURRENCY: Spec = str({ max: 3 });

export const ADDRESS_FIELDS: Record<string, Spec> = {
  line1: str({ max: 5000 }),
  line2: str({ max: 5000 }),
  city: str({ max: 5000 }),
  state: str({ max: 5000 }),
  postal_code: str({ max: 5000 }),
  country: str({ max: 5000 }),
};

export type Address = {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
};

export function toAddress(p: Partial<Record<keyof Address, unknown>> | undefined): Address {
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    city: s(p?.city),
    country: s(p?.country),
    line1: s(p?.line1),
    line2: s(p?.line2),
    postal_code: s(p?.postal_code),
    state: s(p?.state),
  };
}

/** Filters a list by `active=true|false` when the param is given. */
export function byActive<T extends { active: boolean }>(items: T[], active: unknown): T[] {
  return typeof active === 'boolean' ? items.filter((i) => i.active === active) : items;
}

/** Lowercased 3-letter ISO code, as Stripe stores currencies. */
export function currencyOf(value: unknown): string {
  return String(value).toLowerCase();
}
