import 'server-only';
import type Stripe from 'stripe';
import type { SessionUpdate } from '@/lib/checkout/plan-change';
import { UpstreamError } from '@/lib/errors';
import { BINDING_METADATA_KEY, type SessionCreateParams } from '@/lib/checkout/session-params';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';
import type { CheckoutReceipt, CheckoutSnapshot } from '@/lib/checkout/types';
import { callStripe, StripeRefusedError } from '@/lib/stripe/errors';
import { stripe } from '@/lib/stripe/client';
import { paymentIntentOfInvoice } from '@/lib/stripe/subscriptions';

const priceId = (price: Stripe.Price | null | undefined) => price?.id ?? '';
const bindingTagOf = (session: Stripe.Checkout.Session) => session.metadata?.[BINDING_METADATA_KEY] ?? null;

/**
 * A session with all its line items, in one call: expanded `line_items` hold the first page, which is all
 * of a cart here. A longer one is refused rather than used in part: retransmitting a partial array would
 * remove the items we did not see.
 */
async function retrieveWithLineItems(id: string, expand: string[] = []) {
  const session = await callStripe(() =>
    stripe().checkout.sessions.retrieve(id, { expand: ['line_items', 'line_items.data.taxes', ...expand] }),
  );
  const lineItems = session.line_items;
  if (!lineItems || lineItems.has_more) {
    throw new Error(`Session ${id} has more line items than one page; this storefront does not page them`);
  }
  return { session, lineItems: lineItems.data };
}

export async function retrieveCheckout(id: string): Promise<CheckoutSnapshot> {
  const { session, lineItems } = await retrieveWithLineItems(id);
  return {
    id: session.id,
    status: session.status ?? 'open',
    mode: session.mode,
    expiresAt: session.expires_at,
    currency: session.currency ?? 'usd',
    lines: lineItems.map((item) => ({
      id: item.id,
      priceId: priceId(item.price),
      quantity: item.quantity ?? 1,
      lookupKey: item.price?.lookup_key ?? null,
      taxRateIds: (item.taxes ?? []).map((tax) => tax.rate.id),
      unitAmount: item.price?.unit_amount ?? null,
      metadata: item.metadata,
    })),
    shipping: shippingOf(session),
    shippingRateId: idOf(session.shipping_cost?.shipping_rate),
    bindingTag: bindingTagOf(session),
    discount: discountOf(session),
    serverDiscounts: permissionsOf(session)?.update_discounts === 'server_only',
    clientSecret: session.status === 'open' ? session.client_secret : null,
  };
}

function discountOf(session: Stripe.Checkout.Session): CheckoutSnapshot['discount'] {
  const [discount] = session.discounts ?? [];
  if (!discount) return null;
  return { amount: session.total_details?.amount_discount ?? 0, byCode: Boolean(discount.promotion_code) };
}

// `permissions.update_discounts` belongs to the preview API (API-NOTES §6), which today's SDK types don't list.
const permissionsOf = (session: Stripe.Checkout.Session) =>
  (session as { permissions?: { update_discounts?: string | null } | null }).permissions;

const idOf = (field: string | { id: string } | null | undefined) =>
  typeof field === 'string' ? field : (field?.id ?? null);

/** Stripe's collected shipping details as ours (Stripe's address fields may be null; ours are '' when absent). */
function shippingOf(session: Stripe.Checkout.Session): ShippingDetails | null {
  const details = session.collected_information?.shipping_details;
  if (!details) return null;
  const { city, country, line1, line2, postal_code: postalCode, state } = details.address;
  return {
    name: details.name ?? '',
    address: {
      line1: line1 ?? '',
      line2: line2 ?? null,
      city: city ?? '',
      state: state ?? null,
      postalCode: postalCode ?? '',
      country: country ?? '',
    },
  };
}

/** Ours as Stripe's `collected_information.shipping_details`. */
function stripeShippingDetails({ name, address }: ShippingDetails) {
  const { line1, line2, city, state, postalCode, country } = address;
  return { name, address: { line1, line2, city, state, postal_code: postalCode, country } };
}

// Today's SDK types list neither `discounts` nor `subscription_data` on a session update (both private preview,
// API-NOTES §6), and `collected_information.shipping_details.address.line2`/`state` may be null in ours but are
// absent in the SDK's type: the preview API version accepts them. Cast once, here.
function updateParams(update: SessionUpdate): Stripe.Checkout.SessionUpdateParams {
  return {
    ...(update.lineItems && { line_items: update.lineItems }),
    ...(update.shippingDetails && {
      collected_information: { shipping_details: stripeShippingDetails(update.shippingDetails) },
    }),
    ...(update.shippingOptions && {
      shipping_options: update.shippingOptions.map((rate) => ({ shipping_rate: rate })),
    }),
    ...(update.discounts !== undefined && { discounts: update.discounts }),
    ...(update.trialPeriodDays !== undefined && { subscription_data: { trial_period_days: update.trialPeriodDays } }),
  } as Stripe.Checkout.SessionUpdateParams;
}

/** An update that did not take: `session` is what Stripe holds after it (null when it could not be read). */
export class UpdateNotAppliedError extends Error {
  constructor(
    readonly cause: unknown,
    readonly session: CheckoutSnapshot | null,
    /** Its answer never came: Stripe may still apply it after we stopped looking. */
    readonly mayStillLand = false,
  ) {
    super('The session update did not take');
  }
}

const READ_BACK_INTERVAL_MS = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a session one update: every change of a buyer action (lines with their tax rates, address, shipping
 * options, discount, trial) in one call. A refusal throws UpdateNotAppliedError with the session as Stripe
 * holds it. When the outcome is unknown (a timeout, a dropped connection, a 409: the update may still land,
 * even after our call gave up), the session is read back until `landed` says it holds the change, or until
 * `deadline` (ms since the epoch) passes: then it did not take, and the last session read is what Stripe holds.
 */
export async function updateSession(
  id: string,
  update: SessionUpdate,
  { landed, deadline }: { landed: (session: CheckoutSnapshot) => boolean; deadline: number },
): Promise<void> {
  try {
    await callStripe(() => stripe().checkout.sessions.update(id, updateParams(update)));
    return;
  } catch (error) {
    if (!(error instanceof UpstreamError && error.outcomeUnknown)) {
      throw new UpdateNotAppliedError(error, await retrieveCheckout(id).catch(() => null));
    }
    let last: CheckoutSnapshot | null = null;
    do {
      last = await retrieveCheckout(id).catch(() => last);
      if (last && landed(last)) return;
      if (last && last.status !== 'open') break;
      await pause(READ_BACK_INTERVAL_MS);
    } while (Date.now() < deadline);
    throw new UpdateNotAppliedError(error, last, last?.status === 'open');
  }
}

export async function createCheckout(
  params: SessionCreateParams,
  idempotencyKey: string,
): Promise<{ id: string; clientSecret: string; expiresAt: number }> {
  // The seed profile's `ui_mode: 'custom'` and `permissions.update_line_items` belong to the 2025 preview API,
  // which today's SDK types no longer list; Stripe accepts them under that preview's API version. Cast once, here.
  const createParams = params as Stripe.Checkout.SessionCreateParams;
  const session = await callStripe(() => stripe().checkout.sessions.create(createParams, { idempotencyKey }));
  if (!session.client_secret) throw new Error(`Session ${session.id} came back without a client secret`);
  return { id: session.id, clientSecret: session.client_secret, expiresAt: session.expires_at };
}

function taxRateOf(items: Stripe.LineItem[]): CheckoutReceipt['taxRate'] {
  const rate = items.flatMap((item) => item.taxes ?? []).find((tax) => tax.amount > 0 || tax.rate.percentage > 0)?.rate;
  if (!rate) return null;
  return {
    displayName: rate.display_name,
    percentage: rate.percentage,
    inclusive: rate.inclusive,
    country: rate.country,
    state: rate.state,
  };
}

const lookupKeyOf = (item: Stripe.LineItem) => item.price?.lookup_key ?? null;

/**
 * The payment an order's refunds go through. A payment-mode session names it; a plan's session names none, but
 * the first invoice it made does (through its invoice payments), and a refund made in the Dashboard names that
 * payment intent. None before the session completes, and none for a trial's $0 first invoice.
 */
async function orderPaymentIntent(session: Stripe.Checkout.Session): Promise<string | null> {
  if (session.mode !== 'subscription') return idOf(session.payment_intent);
  const invoiceId = session.status === 'complete' ? idOf(session.invoice) : null;
  return invoiceId ? paymentIntentOfInvoice(invoiceId) : null;
}

/**
 * A finished (or finishing) session as the order records it: each line as Stripe charged it, with the amounts
 * per line (subtotal, discount, tax, total), the shipping method's name and the tax rate applied.
 * `productOf` maps a price's lookup key to the catalog product (lib/catalog.ts), kept out of this door.
 */
export async function retrieveReceipt(
  id: string,
  productOf: (lookupKey: string | null) => string | null = () => null,
): Promise<CheckoutReceipt> {
  const { session, lineItems } = await retrieveWithLineItems(id, ['shipping_cost.shipping_rate']);
  const rate = session.shipping_cost?.shipping_rate;
  return {
    id: session.id,
    status: session.status ?? 'open',
    mode: session.mode,
    paymentStatus: session.payment_status,
    currency: session.currency ?? 'usd',
    amountSubtotal: session.amount_subtotal ?? 0,
    amountTotal: session.amount_total ?? 0,
    amountShipping: session.total_details?.amount_shipping ?? 0,
    amountTax: session.total_details?.amount_tax ?? 0,
    amountDiscount: session.total_details?.amount_discount ?? 0,
    shippingMethod: typeof rate === 'object' && rate ? rate.display_name : null,
    taxRate: taxRateOf(lineItems),
    email: session.customer_details?.email ?? session.customer_email ?? null,
    shipping: shippingOf(session),
    bindingTag: bindingTagOf(session),
    paymentIntentId: await orderPaymentIntent(session),
    subscriptionId: idOf(session.subscription),
    items: lineItems.map((item) => ({
      productId: productOf(lookupKeyOf(item)),
      description: item.description ?? '',
      quantity: item.quantity ?? 1,
      amountSubtotal: item.amount_subtotal,
      amountDiscount: item.amount_discount,
      amountTax: item.amount_tax,
      amountTotal: item.amount_total,
      interval: item.price?.recurring?.interval ?? null,
    })),
  };
}

/** A session's status, its client secret while it is open (null once it is not), and the tag of the browser that made it. */
export async function retrieveClientSecret(
  id: string,
): Promise<{ status: CheckoutSnapshot['status']; clientSecret: string | null; bindingTag: string | null }> {
  const session = await callStripe(() => stripe().checkout.sessions.retrieve(id));
  return {
    status: session.status ?? 'open',
    clientSecret: session.status === 'open' ? session.client_secret : null,
    bindingTag: bindingTagOf(session),
  };
}

/**
 * Ends an open session now (`POST /v1/checkout/sessions/{id}/expire`), so it can no longer be paid. Stripe refuses
 * a session that is not open: then the answer is the status it has (`complete`: it was paid; keep its order).
 */
export async function expireCheckout(id: string): Promise<CheckoutSnapshot['status']> {
  try {
    const session = await callStripe(() => stripe().checkout.sessions.expire(id));
    return session.status ?? 'expired';
  } catch (error) {
    if (!(error instanceof StripeRefusedError)) throw error;
    const session = await callStripe(() => stripe().checkout.sessions.retrieve(id));
    if (session.status === 'open') throw error;
    return session.status ?? 'expired';
  }
}
