import type { ServerSession } from './server-session';

export type FormValue = string | number | boolean | null | undefined | FormObject | FormValue[];
export type FormObject = { [key: string]: FormValue };

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
  updateSession(params: FormObject): Promise<ServerSession>;
}

// Stripe's form encoding: nested objects and arrays become a[b][0]=v; null and undefined are left out.
export function formEncode(params: FormObject): string {
  const out = new URLSearchParams();
  const walk = (prefix: string, value: FormValue) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(`${prefix}[${i}]`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v);
    else out.append(prefix, String(value));
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return out.toString();
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
  params: FormObject,
): Promise<T> {
  const body = formEncode(params);
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
