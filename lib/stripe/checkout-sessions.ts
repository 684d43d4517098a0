import 'server-only';
import type Stripe from 'stripe';
import type { CheckoutUpdate } from '@/lib/checkout/decide-checkout';
import { linesMatch } from '@/lib/checkout/line-items';
import { UpstreamError } from '@/lib/errors';
import { BINDING_METADATA_KEY, type SessionCreateParams } from '@/lib/checkout/session-params';
import type { CheckoutReceipt, CheckoutSnapshot } from '@/lib/checkout/types';
import { callStripe } from '@/lib/stripe/errors';
import { updateExtraParams, type CheckoutUpdateExtras } from '@/lib/stripe/update-extras';
import { stripe } from '@/lib/stripe/client';

const priceId = (price: Stripe.Price | null | undefined) => price?.id ?? '';
const bindingTagOf = (session: Stripe.Checkout.Session) => session.metadata?.[BINDING_METADATA_KEY] ?? null;

/**
 * A session with all its line items, in one call: expanded `line_items` hold the first page, which is all
 * of a cart here. A longer one is refused rather than used in part: retransmitting a partial array would
 * remove the items we did not see.
 */
async function retrieveWithLineItems(id: string, expand: string[] = []) {
  const session = await callStripe(() => stripe().checkout.sessions.retrieve(id, { expand: ['line_items', 'line_items.data.taxes', ...expand] }));
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
    })),
    shipping: shippingDetailsOf(session),
    shippingRateId: idOf(session.shipping_cost?.shipping_rate),
    bindingTag: bindingTagOf(session),
    discount: discountOf(session),
    serverDiscounts: permissionsOf(session)?.update_discounts === 'server_only',
  };
}

function discountOf(session: Stripe.Checkout.Session): CheckoutSnapshot['discount'] {
  const [discount] = session.discounts ?? [];
  if (!discount) return null;
  return { amount: session.total_details?.amount_discount ?? 0, byCode: Boolean(discount.promotion_code) };
}

// `permissions.update_discounts` belongs to the preview API (API-NOTES §6), which today's SDK types don't list.
const permissionsOf = (session: Stripe.Checkout.Session) => (session as { permissions?: { update_discounts?: string | null } | null }).permissions;

const idOf = (field: string | { id: string } | null | undefined) => (typeof field === 'string' ? field : (field?.id ?? null));

function shippingDetailsOf(session: Stripe.Checkout.Session): CheckoutSnapshot['shipping'] {
  const details = session.collected_information?.shipping_details;
  if (!details) return null;
  const { city, country, line1, line2, postal_code: postalCode, state } = details.address;
  return {
    name: details.name,
    address: { line1: line1 ?? '', line2: line2 ?? null, city: city ?? '', state: state ?? null, postal_code: postalCode ?? '', country: country ?? '' },
  };
}

/**
 * Sends a session its new line items (with their tax rates) and, when given, its shipping address and
 * options, in one call. When the outcome is unknown (a timeout, a dropped connection, a 409: the update
 * may have landed all the same), the session is read back: if it holds the planned lines (and address)
 * the update succeeded, otherwise the failure stands. Either way the answer is what Stripe holds. `extras`
 * (lib/stripe/update-extras.ts: the discount, the trial) go in the same update, so everything changes together.
 */
export async function updateCheckout(id: string, update: CheckoutUpdate, extras: CheckoutUpdateExtras = {}): Promise<void> {
  const params = {
    line_items: update.params,
    ...updateExtraParams(extras),
    ...(update.shippingDetails && { collected_information: { shipping_details: update.shippingDetails } }),
    ...(update.shippingOptions && { shipping_options: update.shippingOptions.map((rate) => ({ shipping_rate: rate })) }),
  };
  try {
    // `collected_information.shipping_details.address.line2`/`state` may be null in ours, absent in the SDK's type.
    await callStripe(() => stripe().checkout.sessions.update(id, params as Stripe.Checkout.SessionUpdateParams));
  } catch (error) {
    if (!(error instanceof UpstreamError && error.outcomeUnknown)) throw error;
    const after = await retrieveCheckout(id).catch(() => {
      throw error;
    });
    const sameAddress = !update.shippingDetails || JSON.stringify(after.shipping?.address) === JSON.stringify(update.shippingDetails.address);
    if (!linesMatch(after.lines, update.lines) || !sameAddress) throw error;
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

function shippingOf(session: Stripe.Checkout.Session): CheckoutReceipt['shipping'] {
  const details = session.collected_information?.shipping_details;
  if (!details) return null;
  const { city, country, line1, line2, postal_code: postalCode, state } = details.address;
  return { name: details.name ?? null, address: { line1, line2, city, state, postalCode, country } };
}

function taxRateOf(items: Stripe.LineItem[]): CheckoutReceipt['taxRate'] {
  const rate = items.flatMap((item) => item.taxes ?? []).find((tax) => tax.amount > 0 || tax.rate.percentage > 0)?.rate;
  if (!rate) return null;
  return { displayName: rate.display_name, percentage: rate.percentage, inclusive: rate.inclusive, country: rate.country, state: rate.state };
}

const lookupKeyOf = (item: Stripe.LineItem) => item.price?.lookup_key ?? null;

/**
 * A finished (or finishing) session as the order records it: each line as Stripe charged it, with the amounts
 * per line (subtotal, discount, tax, total), the shipping method's name and the tax rate applied.
 * `productOf` maps a price's lookup key to the catalog product (lib/catalog.ts), kept out of this door.
 */
export async function retrieveReceipt(id: string, productOf: (lookupKey: string | null) => string | null = () => null): Promise<CheckoutReceipt> {
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
    paymentIntentId: idOf(session.payment_intent),
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

/** A session's client secret while it is open (null once it is not), and the tag of the browser that made it. */
export async function retrieveClientSecret(id: string): Promise<{ clientSecret: string | null; bindingTag: string | null }> {
  const session = await callStripe(() => stripe().checkout.sessions.retrieve(id));
  return { clientSecret: session.status === 'open' ? session.client_secret : null, bindingTag: bindingTagOf(session) };
}
