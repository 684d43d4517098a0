import { errorTypeOf, StripeApiError } from '../core/errors';
import { encodeForm, type ParamObject } from '../core/form-encoding';
import type { ServerSession } from './server-session';

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
    throw new StripeApiError(0, 'api_connection_error', `Could not reach the local Stripe at ${origin}.`);
  }
  const json = (await response.json().catch(() => null)) as {
    error?: { message?: string; type?: string; code?: string; decline_code?: string };
  } | null;
  if (!response.ok || !json || json.error) {
    const error = json?.error ?? {};
    throw new StripeApiError(
      response.status,
      errorTypeOf(error.type),
      error.message ?? `The local Stripe answered ${response.status}.`,
      {
        code: error.code,
        decline_code: error.decline_code,
      },
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
