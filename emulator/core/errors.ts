// The one error builder. Every failure the local Stripe reports is a StripeApiError, rendered with
// Stripe's envelope `{error: {type, code, message, param, doc_url}}` by http/responses.ts. Messages
// are templates below so a reader can compare them with Stripe's wording in one place.
// This module is shared with the local Stripe.js (bundled for the browser): it imports nothing.
// `api_connection_error` is the client's own: the local Stripe could not be reached.
export const ERROR_TYPES = [
  'invalid_request_error',
  'card_error',
  'idempotency_error',
  'rate_limit_error',
  'api_error',
  'api_connection_error',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** An error type read off the wire; anything unknown is an api_error. */
export function errorTypeOf(value: unknown): ErrorType {
  return ERROR_TYPES.find((type) => type === value) ?? 'api_error';
}

/**
 * The error codes the local Stripe sends, each one of Stripe's own (its published list, the `code` enum
 * of Stripe's OpenAPI spec; stripe-lists.test.ts checks each against the installed SDK's copy).
 */
export const STRIPE_ERROR_CODES = [
  'amount_too_large',
  'card_declined',
  'charge_already_refunded',
  'charge_not_refundable',
  'country_code_invalid',
  'coupon_expired',
  'email_invalid',
  'expired_card',
  'idempotency_key_in_use',
  'incorrect_cvc',
  'incorrect_number',
  'invalid_cvc',
  'invalid_expiry_month',
  'invalid_expiry_year',
  'parameter_invalid_integer',
  'parameter_missing',
  'parameter_unknown',
  'parameters_exclusive',
  'processing_error',
  'rate_limit',
  'resource_already_exists',
  'resource_missing',
] as const;
/**
 * Codes of the private endpoints Stripe.js calls (`/v1/payment_pages/…`), which Stripe does not publish:
 * the local Stripe.js maps them to its own (`invalidCode`, `promotionCodeAmountInsufficient`, …).
 */
export const CLIENT_API_CODES = [
  'checkout_amount_mismatch',
  'checkout_session_permission_denied',
  'promotion_code_invalid',
  'promotion_code_minimum_amount',
  'promotion_codes_not_allowed',
] as const;
export type ErrorCode = (typeof STRIPE_ERROR_CODES)[number] | (typeof CLIENT_API_CODES)[number];

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    // Any string: the local Stripe.js builds these from what it reads off the wire; `invalid` takes ErrorCode only.
    readonly details: { code?: string; param?: string; decline_code?: string } = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  get code(): string | null {
    return this.details.code ?? null;
  }

  get declineCode(): string | null {
    return this.details.decline_code ?? null;
  }
}

/** Stripe's metadata limits: at most 50 keys, keys up to 40 characters, values up to 500. */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

/** Idempotency keys are at most 255 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export const MSG = {
  noKey:
    "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
  invalidKey: (key: string) => `Invalid API Key provided: ${redact(key)}`,
  liveKey: (key: string) =>
    `Invalid API Key provided: ${redact(key)}. The local Stripe only accepts test mode keys (sk_test_…); it never moves real money.`,
  publishableKey:
    'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
  secretOnClient: 'This endpoint is called by Stripe.js with a publishable key (pk_test_…).',
  unknownParam: (param: string) => `Received unknown parameter: ${param}`,
  missingParam: (param: string) => `Missing required param: ${param}.`,
  invalidString: (param: string) => `Invalid string: ${param} must be a string`,
  invalidInteger: (value: string) => `Invalid integer: ${value}`,
  invalidBoolean: (value: string) => `Invalid boolean: ${value}`,
  invalidArray: 'Invalid array',
  invalidObject: 'Invalid object',
  invalidEnum: (param: string, values: readonly string[]) =>
    `Invalid ${param}: must be one of ${values.slice(0, -1).join(', ')}${values.length > 1 ? ', or ' : ''}${values.at(-1)}`,
  stringTooLong: (param: string, max: number) => `Invalid ${param}: must be at most ${max} characters`,
  intTooSmall: (param: string, min: number) => `This value must be greater than or equal to ${min}.`,
  intTooLarge: (param: string, max: number) => `This value must be less than or equal to ${max}.`,
  arrayTooLong: (param: string, max: number) => `Invalid array: ${param} must have at most ${max} elements.`,
  noSuch: (what: string, id: string) => `No such ${what}: '${id}'`,
  unrecognizedUrl: (method: string, path: string) =>
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  invalidVersion: (v: string) =>
    `Invalid Stripe API version: ${v}. Versions look like 2026-10-28.endive (optionally followed by '; beta_name=v1;').`,
  idempotencyMismatch: (key: string) =>
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  metadataTooManyKeys: (count: number) =>
    `Metadata can have up to ${METADATA_LIMITS.keys} keys, but you've set ${count}.`,
  metadataKey: (key: string) => `Invalid key: ${key} must be a string under ${METADATA_LIMITS.keyLength} characters`,
  metadataValue: (value: string) =>
    `Invalid val: ${value} must be a string under ${METADATA_LIMITS.valueLength} characters`,
  idempotencyKeyLength: (length: number) =>
    `Idempotent key length is ${length}, which is outside accepted lengths. Idempotent Keys must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters long. If you're looking for a decent generator, try using a UUID defined by IETF RFC 4122.`,
  idempotencyInFlight:
    'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): please try again later.',
  rateLimited: 'Too many requests hit the API too quickly. (Injected by the local Stripe fault control.)',
  apiError: 'An unknown error occurred. (Injected by the local Stripe fault control.)',
  internal: (detail: string) => `The local Stripe hit an internal error: ${detail}`,
  expandDepth: (path: string) => `You cannot expand more than 4 levels of a property. Property: ${path}`,
  // The `data.` hint only helps on a list, whose objects sit under `data`.
  notExpandable: (path: string, onList: boolean) =>
    `This property cannot be expanded (${path}).${onList ? ` You may want to try expanding 'data.${path}' instead.` : ''}`,
  listLimit: 'This value must be less than or equal to 100 (it currently is greater).',
} as const;

function redact(key: string): string {
  return key.length <= 12 ? key : `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

// A 400 carries the code Stripe sends for the case where its published list has one (a missing or
// unknown param, two exclusive ones, a bad integer, a country, an expired coupon, a missing object).
// Refusals with none here (a value outside an enum, a string too long, an inactive price, the local
// Stripe's own limits) are left without: which code, if any, Stripe sends for them is unconfirmed, and
// an `''` sent for a param that cannot be unset is taken as a value (Stripe's `parameter_invalid_empty`
// is not emulated: Stripe.js's private endpoints send `''` to clear a promotion code).
export const invalid = (message: string, param?: string, code?: ErrorCode) =>
  new StripeApiError(400, 'invalid_request_error', message, { param, code });

/** Two or more of params that exclude each other were sent: Stripe's `parameters_exclusive`. */
export const exclusive = (message: string, param?: string) => invalid(message, param, 'parameters_exclusive');

/** Exactly one of two params is needed: both sent is `parameters_exclusive`, neither `parameter_missing`. */
export const exactlyOne = (message: string, param: string, bothSent: boolean) =>
  invalid(message, param, bothSent ? 'parameters_exclusive' : 'parameter_missing');

export const unknownParam = (param: string) =>
  new StripeApiError(400, 'invalid_request_error', MSG.unknownParam(param), { param, code: 'parameter_unknown' });

export const missingParam = (param: string) =>
  new StripeApiError(400, 'invalid_request_error', MSG.missingParam(param), { param, code: 'parameter_missing' });

export const notFound = (what: string, id: string, param = 'id') =>
  new StripeApiError(404, 'invalid_request_error', MSG.noSuch(what, id), { param, code: 'resource_missing' });

// Stripe answers a missing or bad key with 401 and type invalid_request_error (the spec's error type enum
// has no authentication_error).
export const authError = (message: string) => new StripeApiError(401, 'invalid_request_error', message);
