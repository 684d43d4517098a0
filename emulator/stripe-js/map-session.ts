import type {
  StripeCheckoutContact,
  StripeCheckoutDiscountAmount,
  StripeCheckoutLineItem,
  StripeCheckoutRecurring,
  StripeCheckoutSession,
  StripeCheckoutShippingOption,
  StripeCheckoutStatus,
  StripeCheckoutTaxAmount,
} from '@stripe/stripe-js';
import { formatAmount, minorUnitsDivisor } from './format-amount';
import type {
  ServerAddress,
  ServerDiscount,
  ServerLineItem,
  ServerLineTax,
  ServerSession,
  ServerShippingRate,
} from './server-session';

// What the browser knows that the server's session does not.
export type ClientState = {
  // An action or server update is queued or running: Stripe.js (endive) reports canConfirm false then.
  pending: boolean;
  // null when no Payment Element is mounted; otherwise whether its card fields are complete.
  paymentComplete: boolean | null;
  locale?: string;
};

// Maps the local Stripe's REST session to the session object Stripe.js exposes. Pure, so it is
// unit-tested in node; every field of StripeCheckoutSession is set so the compiler checks drift.
export function mapSession(server: ServerSession, client: ClientState): StripeCheckoutSession {
  const currency = (server.currency ?? 'usd').toLowerCase();
  const money = (n: number | null | undefined) => formatAmount(n ?? 0, currency, client.locale);
  const shippingOptions = (server.shipping_options ?? []).map((option) =>
    mapShippingOption(rateOf(option.shipping_rate), option.shipping_amount, currency, client.locale),
  );
  const selectedId = idOf(server.shipping_cost?.shipping_rate);
  const selected = shippingOptions.find((o) => o.id === selectedId) ?? null;
  const totals = server.total_details ?? {};
  const status = mapStatus(server);
  const discount = server.discounts?.[0] ?? null;
  const lineItems = (server.line_items?.data ?? []).map((item) => mapLineItem(item, currency, client.locale, discount));
  const taxExclusive = lineItems.reduce((sum, item) => sum + item.taxExclusive.minorUnitsAmount, 0);
  const taxInclusive = (totals.amount_tax ?? 0) - taxExclusive;
  const shippingAddress = mapContact(server.collected_information?.shipping_details);
  // A payment-mode session that collects a shipping address cannot be paid before it has one and a
  // selected shipping option (Stripe.js reports canConfirm false then).
  const needsShipping =
    server.mode === 'payment' && !!server.shipping_address_collection && (!shippingAddress || !selected);
  const taxAmounts = sumTaxAmounts(
    lineItems.flatMap((item) => item.taxAmounts ?? []),
    currency,
    client.locale,
  );
  return {
    billingAddress: null,
    businessName: server.collected_information?.business_name ?? null,
    nameCollection: null,
    canConfirm: status.type === 'open' && !client.pending && client.paymentComplete !== false && !needsShipping,
    currency,
    currencyOptions: null,
    discountAmounts: discount ? [mapDiscount(discount, totals.amount_discount ?? 0, currency, client.locale)] : null,
    email: server.customer_details?.email ?? server.customer_email ?? null,
    id: server.id,
    lastPaymentError: null,
    lineItems,
    livemode: server.livemode ?? false,
    minorUnitsAmountDivisor: minorUnitsDivisor(currency),
    phoneNumber: server.customer_details?.phone ?? null,
    recurring: mapRecurring(server, lineItems, currency, client.locale),
    savedPaymentMethods: null,
    shipping: selected ? { shippingOption: selected, taxAmounts: null } : null,
    shippingAddress,
    shippingOptions,
    status,
    surcharge: null,
    // Tax comes from the tax rates the server sets on line items (Stripe Tax is not emulated), so it is
    // always computed: `requires_shipping_address` belongs to automatic tax only.
    tax: { status: 'ready' },
    taxAmounts: taxAmounts.length ? taxAmounts : null,
    taxIdInfo: null,
    total: {
      appliedBalance: money(0),
      balanceAppliedToNextInvoice: false,
      discount: money(totals.amount_discount),
      shippingRate: money(totals.amount_shipping),
      subtotal: money(server.amount_subtotal),
      surcharge: money(0),
      taxExclusive: money(taxExclusive),
      taxInclusive: money(Math.max(0, taxInclusive)),
      total: money(server.amount_total),
    },
    optionalItems: null,
  };
}

function mapStatus(server: ServerSession): StripeCheckoutStatus {
  if (server.status === 'complete') return { type: 'complete', paymentStatus: server.payment_status ?? 'paid' };
  if (server.status === 'expired') return { type: 'expired' };
  return { type: 'open' };
}

function mapLineItem(
  item: ServerLineItem,
  currency: string,
  locale: string | undefined,
  sessionDiscount: ServerDiscount | null,
): StripeCheckoutLineItem {
  const money = (n: number | null | undefined) => formatAmount(n ?? 0, currency, locale);
  const price = item.price;
  const product = typeof price?.product === 'object' ? price.product : null;
  const quantity = item.quantity ?? 1;
  const discount = item.amount_discount ?? 0;
  const tax = item.amount_tax ?? 0;
  // Stripe's line item total includes exclusive tax; whatever the total exceeds subtotal minus
  // discount by is the exclusive part, the rest of amount_tax was already inside the price.
  const exclusive = Math.max(0, item.amount_total - (item.amount_subtotal - discount));
  const adjustable = item.adjustable_quantity?.enabled ? item.adjustable_quantity : null;
  return {
    id: item.id,
    name: item.description ?? product?.name ?? '',
    discount: money(discount),
    subtotal: money(item.amount_subtotal),
    total: money(item.amount_total),
    taxExclusive: money(exclusive),
    taxInclusive: money(Math.max(0, tax - exclusive)),
    unitAmount: money(price?.unit_amount ?? Math.round(item.amount_subtotal / Math.max(1, quantity))),
    unitAmountDecimal: price?.unit_amount_decimal != null ? money(Number(price.unit_amount_decimal)) : null,
    description: null,
    quantity,
    unitLabel: product?.unit_label ?? null,
    discountAmounts: sessionDiscount ? [mapDiscount(sessionDiscount, discount, currency, locale)] : null,
    taxAmounts: item.taxes?.length ? item.taxes.map((tax) => mapTax(tax, currency, locale)) : null,
    recurring: price?.recurring
      ? {
          interval: price.recurring.interval,
          intervalCount: price.recurring.interval_count,
          usageType: price.recurring.usage_type === 'metered' ? 'metered' : 'licensed',
        }
      : null,
    // Stripe's defaults when adjustable quantity is enabled without bounds: 0..99.
    adjustableQuantity: adjustable ? { minimum: adjustable.minimum ?? 0, maximum: adjustable.maximum ?? 99 } : null,
    images: product?.images ?? [],
    priceId: price?.id ?? '',
    isRemovable: false,
    pricing: null,
    transformQuantity: null,
  };
}

// The session's one discount, with the amount it takes off (the session's, or one line's share).
function mapDiscount(
  discount: ServerDiscount,
  amount: number,
  currency: string,
  locale?: string,
): StripeCheckoutDiscountAmount {
  const coupon = typeof discount.coupon === 'string' ? { id: discount.coupon } : discount.coupon;
  const promo = discount.promotion_code;
  const code = typeof promo === 'object' && promo ? promo.code : null;
  const recurring: StripeCheckoutDiscountAmount['recurring'] =
    coupon.duration === 'forever'
      ? { type: 'forever' }
      : coupon.duration === 'repeating'
        ? { type: 'repeating', durationInMonths: coupon.duration_in_months ?? 1 }
        : null;
  return {
    ...formatAmount(amount, currency, locale),
    displayName: coupon.name ?? code ?? coupon.id,
    promotionCode: code,
    recurring,
    percentOff: coupon.percent_off ?? null,
  };
}

// A subscription's next payment and trial. What is due next is the lines' amounts (discount and tax
// included: a choice, as the local Stripe does not model a `once` coupon ending after the first invoice).
function mapRecurring(
  server: ServerSession,
  lineItems: StripeCheckoutLineItem[],
  currency: string,
  locale?: string,
): StripeCheckoutRecurring | null {
  const recurringItem = lineItems.find((item) => item.recurring);
  if (server.mode !== 'subscription' || !recurringItem?.recurring) return null;
  const money = (n: number) => formatAmount(n, currency, locale);
  const sum = (pick: (item: StripeCheckoutLineItem) => number) =>
    lineItems.reduce((total, item) => total + pick(item), 0);
  const trial = server.subscription_data;
  return {
    interval: recurringItem.recurring.interval,
    intervalCount: recurringItem.recurring.intervalCount,
    isProrated: false,
    dueNext: {
      subtotal: money(sum((item) => item.subtotal.minorUnitsAmount)),
      total: money(sum((item) => item.total.minorUnitsAmount)),
      discount: money(sum((item) => item.discount.minorUnitsAmount)),
      taxInclusive: money(sum((item) => item.taxInclusive.minorUnitsAmount)),
      taxExclusive: money(sum((item) => item.taxExclusive.minorUnitsAmount)),
      billingCycleAnchor: trial ? trial.trial_end : null,
    },
    trial: trial ? { trialEnd: trial.trial_end, trialPeriodDays: trial.trial_period_days } : null,
  };
}

function mapTax(tax: ServerLineTax, currency: string, locale?: string): StripeCheckoutTaxAmount {
  const rate = typeof tax.rate === 'string' ? { id: tax.rate } : tax.rate;
  return {
    ...formatAmount(tax.amount, currency, locale),
    inclusive: rate.inclusive ?? false,
    displayName: rate.display_name ?? '',
    ...(rate.percentage != null ? { percentage: rate.percentage } : {}),
  };
}

// The session's tax amounts: the lines' amounts summed per rate (same name, percentage and kind).
function sumTaxAmounts(taxes: StripeCheckoutTaxAmount[], currency: string, locale?: string): StripeCheckoutTaxAmount[] {
  const sums = new Map<string, StripeCheckoutTaxAmount>();
  for (const tax of taxes) {
    const key = `${tax.displayName}|${tax.percentage}|${tax.inclusive}`;
    const previous = sums.get(key)?.minorUnitsAmount ?? 0;
    sums.set(key, { ...tax, ...formatAmount(previous + tax.minorUnitsAmount, currency, locale) });
  }
  return [...sums.values()];
}

function mapShippingOption(
  rate: ServerShippingRate,
  amount: number | undefined,
  currency: string,
  locale?: string,
): StripeCheckoutShippingOption {
  const estimate = rate.delivery_estimate;
  const bound = (b: { unit: string; value: number } | null | undefined) =>
    b ? { unit: b.unit as 'business_day' | 'day' | 'hour' | 'week' | 'month', value: b.value } : null;
  return {
    ...formatAmount(amount ?? rate.fixed_amount?.amount ?? 0, currency, locale),
    id: rate.id,
    currency,
    displayName: rate.display_name ?? null,
    deliveryEstimate: estimate ? { minimum: bound(estimate.minimum), maximum: bound(estimate.maximum) } : null,
  };
}

function mapContact(
  details: { name?: string | null; address?: ServerAddress | null } | null | undefined,
): StripeCheckoutContact | null {
  const address = details?.address;
  if (!address?.country) return null;
  return {
    name: details?.name ?? null,
    address: {
      country: address.country,
      line1: address.line1 ?? null,
      line2: address.line2 ?? null,
      city: address.city ?? null,
      postal_code: address.postal_code ?? null,
      state: address.state ?? null,
    },
  };
}

// The server may return a shipping rate as an id or expanded; an id alone still yields an option.
function rateOf(rate: string | ServerShippingRate): ServerShippingRate {
  return typeof rate === 'string' ? { id: rate } : rate;
}

function idOf(rate: string | ServerShippingRate | null | undefined): string | null {
  if (!rate) return null;
  return typeof rate === 'string' ? rate : rate.id;
}
