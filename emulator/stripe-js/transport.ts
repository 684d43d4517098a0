import { encodeForm, type ParamObject } from '../core/form-encoding';
import type { ServerSession } from './server-session';


// Stripe's error envelope, kept as an Error subclass so callers can branch on `code`.
export class StripeApiError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly code: string | null,
    readonly declineCode: string | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'StripeApiError';
  }
}

// The two client endpoints the checkout needs. Tests pass a fake; the browser uses fetchTransport.
export interface CheckoutTransport {
  getSession(): Promise<ServerSession>;
  updateSession(params: ParamObject): Promise<ServerSession>;
}

export function sessionIdFromSecret(clientSecret: string): string | null {
  const match = /^(cs_(?:test|live)_\w+?)_secret_\w+$/.exec(clientSecret);
  return match?.[1] ?? null;
}

// A request to the local Stripe with the publishable key, decoding Stripe's error envelope.
export async function stripeRequest<T>(
  origin: string,
  publishableKey: string,
  method: 'GET' | 'POST',
  path: string,
  params: ParamObject,
): Promise<T> {
  const body = encodeForm(params);
  const url = method === 'GET' ? `${origin}${path}?${body}` : `${origin}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${publishableKey}`,
        ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: method === 'POST' ? body : undefined,
    });
  } catch {
    throw new StripeApiError(`Could not reach the local Stripe at ${origin}.`, 'api_connection_error', null, null, 0);
  }
  const json = (await response.json().catch(() => null)) as
    | { error?: { message?: string; type?: string; code?: string; decline_code?: string } }
    | null;
  if (!response.ok || !json || json.error) {
    const error = json?.error ?? {};
    throw new StripeApiError(
      error.message ?? `The local Stripe answered ${response.status}.`,
      error.type ?? 'api_error',
      error.code ?? null,
      error.decline_code ?? null,
      response.status,
    );
  }
  return json as T;
}

export function fetchTransport(origin: string, publishableKey: string, clientSecret: string): CheckoutTransport {
  const id = sessionIdFromSecret(clientSecret) ?? '';
  const path = `/v1/payment_pages/${encodeURIComponent(id)}`;
  return {
    getSession: () => stripeRequest(origin, publishableKey, 'GET', path, { client_secret: clientSecret }),
    updateSession: (params) =>
      stripeRequest(origin, publishableKey, 'POST', path, { ...params, client_secret: clientSecret }),
  };
}
