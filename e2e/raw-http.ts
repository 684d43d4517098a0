// Raw HTTP for the hardening specs: any bytes, any headers (Origin included), a cookie per "browser",
// and the local Stripe's request log, which tells whether a request reached Stripe at all.
import { PLANS } from '../lib/catalog';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { APP_PORT, LOCAL_STRIPE_URL, SEED_PROFILE_PORT } from './config';

export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
/** The second storefront, on the seed page's preview API version (the loyalty discount, trials on update). */
export const SEED_ORIGIN = `http://127.0.0.1:${SEED_PROFILE_PORT}`;
/** What the storefront's own pages send with a buyer action. */
export const BROWSER_HEADERS = {
  'content-type': 'application/json',
  origin: APP_ORIGIN,
  'sec-fetch-site': 'same-origin',
};

export type RawResponse = { status: number; text: string; headers: Record<string, string | string[] | undefined> };

export function send(
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  origin = APP_ORIGIN,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}${path}`, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      );
    });
    // The server may answer (413) and close before a large body is sent: that answer is what counts.
    request.on('error', reject);
    request.end(body);
  });
}

export type Buyer = { cookie: string; sessionId: string; clientSecret: string };

/** A browser with a checkout of its own: the session, and the cookie that binds it. */
export async function newBuyer(
  cart: unknown = { kind: 'plan', planId: PLANS[0]!.id, interval: 'monthly' },
  origin = APP_ORIGIN,
): Promise<Buyer> {
  const headers = { ...BROWSER_HEADERS, origin };
  const response = await send(
    '/api/checkout/sessions',
    headers,
    JSON.stringify({ cart, attemptId: randomUUID() }),
    origin,
  );
  if (response.status !== 201) throw new Error(`creating a checkout answered ${response.status}: ${response.text}`);
  const setCookie = response.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  const { clientSecret } = JSON.parse(response.text) as { clientSecret: string };
  return { cookie, clientSecret, sessionId: clientSecret.split('_secret_')[0]! };
}

export type StripeCall = { method: string; path: string; status: number; idempotencyKey: string | null };

export async function stripeCalls(): Promise<StripeCall[]> {
  const response = await fetch(`${LOCAL_STRIPE_URL}/_emulator/requests`);
  return ((await response.json()) as { data: StripeCall[] }).data;
}

/**
 * The local Stripe's requests less those about other checkout sessions: what one buyer's action asked of Stripe. A
 * late read-back of another test's session on the same stack (an update whose outcome was unknown is read again
 * 10 s later: lib/actions/checkout-pipeline.ts) is not this buyer's call; any call about no session still counts.
 */
export async function stripeCallsFor(sessionId: string): Promise<StripeCall[]> {
  const aboutAnotherSession = (path: string) =>
    /^\/v1\/checkout\/sessions\/cs_/.test(path) && !path.includes(sessionId);
  return (await stripeCalls()).filter((call) => !aboutAnotherSession(call.path));
}

export async function clearStripeCalls() {
  await fetch(`${LOCAL_STRIPE_URL}/_emulator/requests`, { method: 'DELETE' });
}

// What may reach a buyer: our own sentences, never a detail of the server, Stripe, or the request.
const INTERNAL = /stripe|cs_(test|live)|sk_|whsec|zod|error:|\bat \S+ \(|\/work\/|node_modules|undefined|null|\{|\n/i;

/** True when an error answer is `{type: 'error', message}` with a short message that gives nothing away. */
export function isSafeErrorAnswer(response: RawResponse): boolean {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const { type, message, ...rest } = body as Record<string, unknown>;
  return (
    type === 'error' &&
    typeof message === 'string' &&
    message.length < 160 &&
    !INTERNAL.test(message) &&
    Object.keys(rest).length === 0
  );
}

/** A buyer action sent as that buyer's browser would: JSON, the storefront's origin, the buyer's cookie. */
export const postAs = (
  buyer: Pick<Buyer, 'cookie'>,
  path: string,
  body: Record<string, unknown>,
  origin = APP_ORIGIN,
) => send(path, { ...BROWSER_HEADERS, origin, cookie: buyer.cookie }, JSON.stringify(body), origin);

/**
 * Pays a session as the local Stripe.js does (the publishable key and the client secret), without a browser: the
 * buyer who never sees the return page. A plan's address is the buyer's to give (Stripe.js `updateShippingAddress`),
 * so `clubAddress` sends one first.
 */
export async function payLikeStripeJs(
  session: Pick<Buyer, 'sessionId' | 'clientSecret'>,
  { email = 'buyer@example.com', clubAddress = false } = {},
) {
  const post = (path: string, params: Record<string, string>) =>
    fetch(`${LOCAL_STRIPE_URL}/v1/payment_pages/${session.sessionId}${path}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_local_stripe', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_secret: session.clientSecret, ...params }),
    });
  if (clubAddress) {
    const updated = await post('', {
      'shipping_details[name]': 'Ada Buyer',
      'shipping_details[address][line1]': '1 Pine St',
      'shipping_details[address][city]': 'Portland',
      'shipping_details[address][state]': 'OR',
      'shipping_details[address][postal_code]': '97201',
      'shipping_details[address][country]': 'US',
    });
    if (!updated.ok) throw new Error(`the address answered ${updated.status}: ${await updated.text()}`);
  }
  const paid = await post('/confirm', {
    email,
    'payment_method_data[card][number]': '4242424242424242',
    'payment_method_data[card][exp_month]': '12',
    'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 3),
    'payment_method_data[card][cvc]': '123',
  });
  if (!paid.ok) throw new Error(`confirm answered ${paid.status}: ${await paid.text()}`);
}
