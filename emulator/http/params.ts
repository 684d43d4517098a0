// A small typed schema for request params. Each route declares its params once (`str()`, `int()`,
// `obj({...})`, …); `validate` refuses unknown names (Stripe's `Received unknown parameter`), coerces
// form strings into integers and booleans, names the offending param the way Stripe does
// (`line_items[2][quantity]`), and hands the handler a value whose type `ParamsOf` derives from the
// declaration, so handlers never cast a param.
import { invalid, METADATA_LIMITS, missingParam, MSG, unknownParam } from '../core/errors';
import type { FormValue } from '../core/form-encoding';
import type { VersionFeatures } from '../core/version';

/** A param's parser. `Required` marks the params a request must carry. */
export type Spec<T, Required extends boolean = false> = {
  readonly required: Required;
  /** The param exists only under the API versions this accepts (otherwise it is unknown). */
  readonly when?: (features: VersionFeatures) => boolean;
  parse(value: FormValue, param: string, features: VersionFeatures): T;
};

// `any` in a constraint only: any spec, whatever it parses to.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fields = Record<string, Spec<any, boolean>>;

type Out<S> = S extends Spec<infer T, boolean> ? T : never;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Spec<unknown, true> ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] };

/** The typed value `validate` returns for these fields: required ones present, the others optional. */
export type ParamsOf<F extends Fields> = Flat<
  { [K in RequiredKeys<F>]: Out<F[K]> } & { [K in Exclude<keyof F, RequiredKeys<F>>]?: Out<F[K]> }
>;

type Options = { required?: boolean; emptyable?: boolean };
type RequiredOf<O> = O extends { required: true } ? true : false;
/** `emptyable`: the param may be sent as `''` (Stripe's way to clear a list or an object). */
type EmptyOf<O, T> = O extends { emptyable: true } ? T | '' : T;

function spec<T, O extends Options>(
  options: O | undefined,
  parse: Spec<T>['parse'],
): Spec<EmptyOf<O, T>, RequiredOf<O>> {
  const emptyable = options?.emptyable === true;
  return {
    // Narrowed by RequiredOf<O>: the runtime value is exactly what the type says.
    required: (options?.required === true) as RequiredOf<O>,
    parse: (value, param, features) =>
      emptyable && value === '' ? ('' as EmptyOf<O, T>) : parse(value, param, features),
  };
}

export function str<const O extends { enum?: readonly string[]; max?: number } & Options = object>(
  options?: O,
): Spec<EmptyOf<O, O extends { enum: readonly (infer E)[] } ? E : string>, RequiredOf<O>> {
  return spec(options, (value, param) => {
    if (typeof value !== 'string') throw invalid(MSG.invalidString(param), param);
    const allowed: readonly string[] | undefined = options?.enum;
    if (allowed && !allowed.includes(value)) throw invalid(MSG.invalidEnum(param, allowed), param);
    if (options?.max !== undefined && value.length > options.max)
      throw invalid(MSG.stringTooLong(param, options.max), param);
    // An enum member or any string, as checked just above.
    return value as O extends { enum: readonly (infer E)[] } ? E : string;
  });
}

export function int<const O extends { min?: number; max?: number } & Options = object>(options?: O) {
  return spec(options, (value, param) => {
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
      throw invalid(
        MSG.invalidInteger(typeof value === 'string' ? value : JSON.stringify(value)),
        param,
        'parameter_invalid_integer',
      );
    }
    const number = Number(value);
    if (options?.min !== undefined && number < options.min) throw invalid(MSG.intTooSmall(param, options.min), param);
    if (options?.max !== undefined && number > options.max) throw invalid(MSG.intTooLarge(param, options.max), param);
    return number;
  });
}

export function bool<const O extends Options = object>(options?: O) {
  return spec(options, (value, param) => {
    // Any case: stripe-python and stripe-dotnet send `True`/`False`, and Stripe takes them.
    const lower = typeof value === 'string' ? value.toLowerCase() : '';
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalid(MSG.invalidBoolean(typeof value === 'string' ? value : JSON.stringify(value)), param);
  });
}

export function obj<F extends Fields, const O extends Options = object>(fields: F, options?: O) {
  return spec(options, (value, param, features) => checkObject<ParamsOf<F>>(value, fields, param, features));
}

export function arr<T, const O extends { max?: number } & Options = object>(of: Spec<T, boolean>, options?: O) {
  return spec(options, (value, param, features): T[] => {
    const items = asArray(value);
    if (!items) throw invalid(MSG.invalidArray, param);
    if (options?.max !== undefined && items.length > options.max)
      throw invalid(MSG.arrayTooLong(param, options.max), param);
    return items.map((item, index) => of.parse(item, name(param, index), features));
  });
}

/** A hash keyed by names the caller chooses (`currency_options[eur][amount_off]`), each value of one spec. */
export function dict<T, const O extends Options = object>(of: Spec<T, boolean>, options?: O) {
  return spec(options, (value, param, features): Record<string, T> => {
    if (typeof value !== 'object' || Array.isArray(value)) throw invalid(MSG.invalidObject, param);
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, of.parse(entry, `${param}[${key}]`, features)]),
    );
  });
}

/** Metadata: string → string within Stripe's limits; `''` clears it all. */
export function map<const O extends { required?: boolean } = object>(options?: O) {
  return spec({ ...options, emptyable: true as const }, (value, param): Record<string, string> => {
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
  });
}

/** The same param, required. */
export function required<T>(of: Spec<T, boolean>): Spec<T, true> {
  return { ...of, required: true };
}

/** A param only some API versions have (e.g. `line_items` on update from clover on). */
export function when<T>(available: (features: VersionFeatures) => boolean, of: Spec<T>): Spec<T> {
  return { ...of, when: available };
}

/** Parameters every endpoint accepts. */
export const COMMON_FIELDS = { expand: arr(str()) };

/** The params of a list endpoint (core/list.ts pages with them). */
export const LIST_FIELDS = {
  limit: int({ min: 1, max: 100 }),
  starting_after: str(),
  ending_before: str(),
};

/** What a handler receives: its own params, typed, and the params every endpoint accepts. */
export type RouteParams<F extends Fields> = ParamsOf<F> & ParamsOf<typeof COMMON_FIELDS>;

export function validate<F extends Fields>(input: FormValue, fields: F, features: VersionFeatures): RouteParams<F> {
  return checkObject<RouteParams<F>>(input, { ...COMMON_FIELDS, ...fields }, '', features);
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

/** `Out` is the ParamsOf of `fields`, which the caller names (TypeScript cannot relate the two for a generic F). */
function checkObject<Out>(value: FormValue, fields: Fields, prefix: string, features: VersionFeatures): Out {
  if (typeof value !== 'object') throw invalid(MSG.invalidObject, prefix || undefined);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = fields[key];
    if (!field || (field.when && !field.when(features))) throw unknownParam(name(prefix, key));
    out[key] = field.parse(value[key] ?? '', name(prefix, key), features);
  }
  for (const [key, field] of Object.entries(fields)) {
    if (field.required && out[key] === undefined) throw missingParam(name(prefix, key));
  }
  // Built key by key from `fields`, each value by its own spec: the shape ParamsOf<fields> describes.
  return out as Out;
}
