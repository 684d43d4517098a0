// Shared by the emulator's tests: a local Stripe on a free port, the official SDK pointed at it,
// and a small catalog.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import Stripe from 'stripe';
import { createLocalStripe, type LocalStripe, type LocalStripeOptions } from './server';

export type Harness = {
  local: LocalStripe;
  url: string;
  port: number;
  stripe: Stripe;
  /** A client for another API version (the seed profile). */
  sdk(options?: Partial<ConstructorParameters<typeof Stripe>[1]>): Stripe;
  close(): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  client(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields one by one
  ): Promise<{ status: number; body: any; headers: Headers }>;
};

export const SEED_VERSION = '2025-03-31.basil; checkout_server_update_beta=v1;';

export async function startLocalStripe(options: LocalStripeOptions = {}): Promise<Harness> {
  const local = createLocalStripe(options);
  const server = await local.listen(0);
  const port = Number(new URL(server.url).port);
  const sdk = (extra: Partial<ConstructorParameters<typeof Stripe>[1]> = {}) =>
    new Stripe('sk_test_emulator', {
      host: '127.0.0.1',
      port,
      protocol: 'http',
      telemetry: false,
      maxNetworkRetries: 0,
      ...extra,
    });
  return {
    local,
    url: server.url,
    port,
    stripe: sdk(),
    sdk,
    close: server.close,
    async control(method, path, body) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    async client(method, path, params = {}) {
      const form = new URLSearchParams(params).toString();
      const res = await fetch(`${server.url}${path}${method === 'GET' ? `?${form}` : ''}`, {
        method,
        headers: { Authorization: 'Bearer pk_test_storefront', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: method === 'POST' ? form : undefined,
      });
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
  };
}

export type Catalog = {
  tee: Stripe.Price;
  mug: Stripe.Price;
  monthly: Stripe.Price;
  yearly: Stripe.Price;
  eur: Stripe.Price;
  vat: Stripe.TaxRate;
  vatIncluded: Stripe.TaxRate;
  ground: Stripe.ShippingRate;
  express: Stripe.ShippingRate;
};

export async function seedCatalog(stripe: Stripe): Promise<Catalog> {
  const product = (name: string) => stripe.products.create({ name });
  const [teeP, mugP, planP] = await Promise.all([product('Tee'), product('Mug'), product('Plan')]);
  return {
    tee: await stripe.prices.create({ product: teeP.id, currency: 'usd', unit_amount: 2500, lookup_key: 'tee' }),
    mug: await stripe.prices.create({ product: mugP.id, currency: 'usd', unit_amount: 1299, lookup_key: 'mug' }),
    monthly: await stripe.prices.create({
      product: planP.id,
      currency: 'usd',
      unit_amount: 900,
      recurring: { interval: 'month' },
    }),
    yearly: await stripe.prices.create({
      product: planP.id,
      currency: 'usd',
      unit_amount: 9000,
      recurring: { interval: 'year' },
    }),
    eur: await stripe.prices.create({ product: teeP.id, currency: 'eur', unit_amount: 2300 }),
    vat: await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 8.25, inclusive: false }),
    vatIncluded: await stripe.taxRates.create({ display_name: 'VAT', percentage: 20, inclusive: true }),
    ground: await stripe.shippingRates.create({
      display_name: 'Ground',
      type: 'fixed_amount',
      fixed_amount: { amount: 500, currency: 'usd' },
    }),
    express: await stripe.shippingRates.create({
      display_name: 'Express',
      type: 'fixed_amount',
      fixed_amount: { amount: 1500, currency: 'usd' },
    }),
  };
}

/** Starts a local Stripe with the catalog before a file's tests (handing both over) and closes it after. */
export function withLocalStripe(started: (suite: { h: Harness; c: Catalog }) => void): void {
  let harness: Harness | undefined;
  before(async () => {
    harness = await startLocalStripe();
    started({ h: harness, c: await seedCatalog(harness.stripe) });
  });
  after(() => harness?.close());
}

/** A URL on 127.0.0.1 whose port was free a moment ago: a connection to it is refused (a dead webhook endpoint). */
export async function refusedUrl(path = '/hook'): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}${path}`;
}

/** A webhook endpoint on a free port that records the ids of the events it receives and answers `status`. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: string[];
  status: number;
  close(): void;
}> {
  const receiver = { url: '', received: [] as string[], status: 200, close: () => void server.close() };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      receiver.received.push((JSON.parse(body) as { id: string }).id);
      res.writeHead(receiver.status).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

export const RETURN_URL = 'https://shop.example/return?session_id={CHECKOUT_SESSION_ID}';

/** A GA Elements session in payment mode. */
export function createPaymentSession(
  stripe: Stripe,
  params: Partial<Stripe.Checkout.SessionCreateParams> & Pick<Stripe.Checkout.SessionCreateParams, 'line_items'>,
) {
  return stripe.checkout.sessions.create({ mode: 'payment', ui_mode: 'elements', return_url: RETURN_URL, ...params });
}

/** Awaits a rejected SDK call and returns its error. */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error('expected the Stripe call to fail');
}

/** The confirm form the local Stripe.js sends for a card (any future expiry, any CVC). */
export function cardForm(clientSecret: string, number = '4242424242424242', extra: Record<string, string> = {}) {
  return {
    client_secret: clientSecret,
    email: 'buyer@example.com',
    'payment_method_data[card][number]': number,
    'payment_method_data[card][exp_month]': '12',
    'payment_method_data[card][exp_year]': String(new Date().getUTCFullYear() + 3),
    'payment_method_data[card][cvc]': '123',
    ...extra,
  };
}

/** Pays a session through the client endpoint, as a buyer's browser would. */
export function paySession(h: Harness, session: Stripe.Checkout.Session, number?: string) {
  return h.client('POST', `/v1/payment_pages/${session.id}/confirm`, cardForm(session.client_secret ?? '', number));
}
