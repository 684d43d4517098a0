// The objects a completed session creates: a succeeded PaymentIntent (payment mode), or an active
// Subscription (subscription mode; its paid first invoice is in invoice-object.ts). Fields the emulator has no notion of
// are null, as they are on a plain card payment in test mode.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { newId, randomToken } from '../core/ids';
import { mergeMetadata } from '../resources/common';
import { storedPrice, storedTaxRate } from './stored';
import type { SessionRecord } from '../core/session-record';
import { trialOf } from './trial';

type Shipping = Stripe.PaymentIntent.Shipping | null;

export function buildPaymentIntent(
  ctx: RequestCtx,
  record: SessionRecord,
  customer: string | null,
  paymentMethod: string,
  shipping: Shipping,
): Stripe.PaymentIntent {
  const session = record.session;
  const id = newId('pi');
  const data = record.paymentIntentData ?? {};
  const amount = session.amount_total ?? 0;
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: 'automatic',
    created: ctx.clock.now(),
    currency: session.currency ?? 'usd',
    customer,
    customer_account: null,
    description: data.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    // Set when the payment is charged (resources/charges.ts chargePaymentIntent).
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: mergeMetadata({}, data.metadata),
    next_action: null,
    on_behalf_of: null,
    payment_method: paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: data.receipt_email ?? null,
    review: null,
    setup_future_usage: null,
    shipping,
    source: null,
    statement_descriptor: data.statement_descriptor ?? null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
}

const INTERVAL_SECONDS: Record<string, number> = { day: 86400, week: 7 * 86400, month: 30 * 86400, year: 365 * 86400 };

export function buildSubscription(
  ctx: RequestCtx,
  record: SessionRecord,
  customer: string,
  paymentMethod: string,
): Stripe.Subscription {
  const session = record.session;
  const id = newId('sub');
  const now = ctx.clock.now();
  const recurring = record.items.filter((i) => ctx.store.get('price', i.price)?.recurring);
  const first = ctx.store.get('price', recurring[0]?.price ?? '')?.recurring;
  // Period length is approximate (30-day months): the emulator has no calendar billing. A trial is
  // the first period: it ends when the trial does.
  const trial = trialOf(ctx, record);
  const periodEnd =
    trial?.end ?? now + (INTERVAL_SECONDS[first?.interval ?? 'month'] ?? 0) * (first?.interval_count ?? 1);
  const data = record.subscriptionData ?? {};
  const items: Stripe.SubscriptionItem[] = recurring.map((item) => {
    const price = structuredClone(storedPrice(ctx, item.price));
    return {
      id: newId('si'),
      object: 'subscription_item',
      billing_thresholds: null,
      created: now,
      current_period_end: periodEnd,
      current_period_start: now,
      current_trial: null,
      discounts: [],
      metadata: {},
      plan: planOf(price),
      price,
      quantity: item.quantity,
      subscription: id,
      tax_rates: item.tax_rates.map((rateId) => structuredClone(storedTaxRate(ctx, rateId))),
    };
  });
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    // The SDK type also requires fields of flexible billing mode, which a classic subscription leaves out.
    billing_mode: { type: 'classic' } as Stripe.Subscription.BillingMode,
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: session.currency ?? 'usd',
    customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: paymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: data.description ?? null,
    // The session's discount goes on to the subscription (its coupon's duration is not modelled further).
    discounts: record.discount ? [record.discount.id] : [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: mergeMetadata({}, data.metadata),
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: trial ? 'trialing' : 'active',
    test_clock: null,
    transfer_data: null,
    trial_end: trial?.end ?? null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: trial ? now : null,
  };
}

function planOf(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    // Only recurring prices get a plan; price and plan intervals are the same four words.
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    // Prices are stored with their product's id (never expanded in the store).
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: price.recurring?.trial_period_days ?? null,
    usage_type: 'licensed',
  };
}
