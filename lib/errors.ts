// The app's errors: each has a `code`, the HTTP status it maps to, and a message that is safe to show a buyer.
// Detail for the server log goes in `message`; `publicMessage` is all the browser ever sees.

export const GENERIC_BAD_REQUEST = "We couldn't process your request. Please try again later.";
export const GENERIC_SERVER_ERROR = 'Something went wrong on our end. Please try again later.';

export class AppError extends Error {
  /** When set, the answer carries `Retry-After` with it: the request may succeed if sent again after that long. */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly publicMessage: string = status >= 500 ? GENERIC_SERVER_ERROR : GENERIC_BAD_REQUEST,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The zod issue `params` key that marks a schema's custom issue as written for the buyer (lib/http.ts parseJsonBody). */
export const BUYER_MESSAGE = 'buyerMessage';

export class InvalidRequestError extends AppError {
  constructor(message: string, publicMessage?: string) {
    super('invalid_request', 400, message, publicMessage);
  }
}

/** The session id is not the one this browser started: answered with a generic message, never a hint. */
export class SessionNotBoundError extends AppError {
  constructor(message: string) {
    super('session_not_bound', 403, message, 'This checkout belongs to another browser. Please start again.');
  }
}

/** The session can no longer change (complete or expired) or is not of the kind this action needs. */
export class SessionStateError extends AppError {
  constructor(message: string, publicMessage = 'This checkout can no longer be changed. Please start again.') {
    super('session_state', 409, message, publicMessage);
  }
}

export class UpstreamError extends AppError {
  /** True when the call may have succeeded anyway (a timeout, a dropped connection, a 409). */
  readonly outcomeUnknown: boolean;
  constructor(message: string, status = 502, { outcomeUnknown = false } = {}) {
    super('upstream', status, message);
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** The request itself is refused before it is read: too large, not JSON, or from another site's page. */
export class RequestRefusedError extends AppError {
  constructor(status: 403 | 413 | 415, message: string, publicMessage: string) {
    super('request_refused', status, message, publicMessage);
  }
}

/** Two requests disagree about one attempt (Stripe's idempotency error): the buyer reloads, nothing is ours. */
export class ConflictError extends AppError {
  constructor(message: string, publicMessage = 'This checkout changed in another window. Please reload the page.') {
    super('conflict', 409, message, publicMessage);
  }
}

/** A cart wants more of a product than is left: nothing was held and no session was made. */
export class OutOfStockError extends AppError {
  constructor(
    readonly productId: string,
    readonly available: number,
    publicMessage: string,
  ) {
    super('out_of_stock', 409, `${productId}: only ${available} available`, publicMessage);
  }
}

/** The buyer paid for this checkout (perhaps in another tab) before the change arrived: nothing was changed. */
export class PaidCheckoutError extends AppError {
  constructor(message: string) {
    super('checkout_paid', 409, message, 'This checkout has been paid.');
  }
}

/** Too many requests from one client: answered 429 with `Retry-After` (seconds). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    override readonly retryAfterSeconds: number,
  ) {
    super(
      'rate_limited',
      429,
      message,
      'Too many checkouts were started from your network. Please wait a minute and try again.',
    );
  }
}

/** Another request is changing this checkout right now (a second tab): the browser may retry shortly. */
export class CheckoutBusyError extends AppError {
  override readonly retryAfterSeconds = 1;
  constructor(message: string, publicMessage = 'This checkout is being updated, try again.') {
    super('checkout_busy', 409, message, publicMessage);
  }
}

/**
 * Every database connection is busy and none came free in time (the Postgres pool's connection timeout): the
 * buyer is asked to try again in a moment (503 with Retry-After) rather than kept waiting without end.
 */
export class DatabaseBusyError extends AppError {
  override readonly retryAfterSeconds = 2;
  constructor(message: string) {
    super('database_busy', 503, message, 'The shop is busy, please try again in a moment.');
  }
}
