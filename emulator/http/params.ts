// A small schema for request params: it refuses unknown names (Stripe's `Received unknown parameter`),
// coerces form strings into integers and booleans, and names the offending param the way Stripe does
// (`line_items[2][quantity]`). Handlers then work on plain typed values.
import { invalid, METADATA_LIMITS, missingParam, MSG, unknownParam } from '../core/errors';
import type { FormValue } from './form';

export type Spec =
  | { t: 'string'; enum?: readonly string[]; max?: number; required?: boolean }
  | { t: 'int'; min?: number; max?: number; required?: boolean }
  | { t: 'bool'; required?: boolean }
  | { t: 'object'; fields: Record<string, Spec>; required?: boolean; emptyable?: boolean }
  | { t: 'array'; of: Spec; max?: number; required?: boolean; emptyable?: boolean }
  | { t: 'map'; required?: boolean }; // metadata: string → string, `''` clears

export const str = (o: Omit<Extract<Spec, { t: 'string' }>, 't'> = {}): Spec => ({ t: 'string', ...o });
export const int = (o: Omit<Extract<Spec, { t: 'int' }>, 't'> = {}): Spec => ({ t: 'int', ...o });
export const bool = (o: { required?: boolean } = {}): Spec => ({ t: 'bool', ...o });
export const obj = (fields: Record<string, Spec>, o: { required?: boolean; emptyable?: boolean } = {}): Spec => ({
  t: 'object',
  fields,
  ...o,
});
export const arr = (of: Spec, o: { max?: number; required?: boolean; emptyable?: boolean } = {}): Spec => ({
  t: 'array',
  of,
  ...o,
});
export const map = (o: { required?: boolean } = {}): Spec => ({ t: 'map', ...o });

/** Parameters every endpoint accepts. */
const COMMON: Record<string, Spec> = { expand: arr(str()) };

export type Params = Record<string, unknown>;

export function validate(input: Record<string, FormValue>, fields: Record<string, Spec>): Params {
  return checkObject(input, { ...COMMON, ...fields }, '') as Params;
}

/**
 * A form array: the form parser keeps `a[0]=x&a[1]=y` as an object with index keys (an all-digit key
 * may be a metadata key), so a list is recognised here, where the spec says one is expected.
 */
function asArray(value: FormValue): FormValue[] | null {
  if (typeof value !== 'object') return null;
  const keys = Object.keys(value);
  if (!keys.every((key) => /^\d+$/.test(key))) return null;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => value[String(index)] ?? '');
}

function name(prefix: string, key: string | number): string {
  return prefix ? `${prefix}[${key}]` : String(key);
}

function checkObject(value: FormValue, fields: Record<string, Spec>, prefix: string): Params {
  if (typeof value !== 'object') throw invalid(MSG.invalidObject, prefix || undefined);
  const out: Params = {};
  for (const key of Object.keys(value)) {
    const spec = fields[key];
    if (!spec) throw unknownParam(name(prefix, key));
    out[key] = check(value[key] as FormValue, spec, name(prefix, key));
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.required && out[key] === undefined) throw missingParam(name(prefix, key));
  }
  return out;
}

function check(value: FormValue, spec: Spec, param: string): unknown {
  switch (spec.t) {
    case 'string': {
      if (typeof value !== 'string') throw invalid(`Invalid string: ${param} must be a string`, param);
      if (spec.enum && !spec.enum.includes(value)) throw invalid(MSG.invalidEnum(param, spec.enum), param);
      if (spec.max !== undefined && value.length > spec.max) throw invalid(MSG.stringTooLong(param, spec.max), param);
      return value;
    }
    case 'int': {
      if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
        throw invalid(MSG.invalidInteger(String(value)), param, 'parameter_invalid_integer');
      }
      const n = Number(value);
      if (spec.min !== undefined && n < spec.min) throw invalid(MSG.intTooSmall(param, spec.min), param);
      if (spec.max !== undefined && n > spec.max) throw invalid(MSG.intTooLarge(param, spec.max), param);
      return n;
    }
    case 'bool': {
      // Any case: stripe-python and stripe-dotnet send `True`/`False`, and Stripe takes them.
      const lower = typeof value === 'string' ? value.toLowerCase() : '';
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      throw invalid(MSG.invalidBoolean(String(value)), param);
    }
    case 'object':
      if (value === '' && spec.emptyable) return '';
      return checkObject(value, spec.fields, param);
    case 'array': {
      if (value === '' && spec.emptyable) return '';
      const items = asArray(value);
      if (!items) throw invalid(MSG.invalidArray, param);
      if (spec.max !== undefined && items.length > spec.max) throw invalid(MSG.arrayTooLong(param, spec.max), param);
      return items.map((v, i) => check(v, spec.of, name(param, i)));
    }
    case 'map': {
      if (value === '') return '';
      if (typeof value !== 'object') throw invalid(MSG.invalidObject, param);
      const entries = Object.entries(value);
      if (entries.length > METADATA_LIMITS.keys) throw invalid(MSG.metadataTooManyKeys(entries.length), param);
      const out: Record<string, string> = {};
      for (const [key, entry] of entries) {
        if (typeof entry !== 'string') throw invalid(MSG.metadataValue(JSON.stringify(entry)), param);
        if (key.length > METADATA_LIMITS.keyLength) throw invalid(MSG.metadataKey(key), param);
        if (entry.length > METADATA_LIMITS.valueLength) throw invalid(MSG.metadataValue(entry), param);
        out[key] = entry;
      }
      return out;
    }
  }
}
