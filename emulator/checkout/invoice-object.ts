// The paid first invoice of a subscription a Checkout Session creates.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { newId } from '../core/ids';
import type { SessionRecord } from '../core/session-record';
import { renderLineItems } from './view';

export function buildInvoice(
  ctx: RequestCtx,
  record: SessionRecord,
  sub: Stripe.Subscription,
  customer: Stripe.Customer,
): Stripe.Invoice {
  const session = record.session;
  const id = newId('in');
  const now = ctx.clock.now();
  // During a free trial the first invoice is $0: its lines are the trial period of each item.
  const trialing = sub.status === 'trialing';
  const lines: Stripe.InvoiceLineItem[] = renderLineItems(ctx, record).map((lineItem) => {
    return {
      id: newId('il'),
      object: 'line_item',
      amount: trialing ? 0 : lineItem.amount_subtotal,
      currency: lineItem.currency,
      description: trialing ? `Trial period for ${lineItem.description ?? 'item'}` : lineItem.description,
      discount_amounts: [],
      discountable: true,
      discounts: [],
      invoice: id,
      livemode: false,
      metadata: {},
      parent: null,
      period: { start: now, end: sub.items.data[0]?.current_period_end ?? now },
      pretax_credit_amounts: null,
      pricing: null,
      quantity: lineItem.quantity,
      quantity_decimal: null,
      subscription: sub.id,
      subtotal: trialing ? 0 : lineItem.amount_subtotal,
      taxes: null,
    };
  });
  const total = session.amount_total ?? 0;
  const tax = session.total_details?.amount_tax ?? 0;
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: null,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: total,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: 'subscription_create',
    collection_method: 'charge_automatically',
    created: now,
    currency: session.currency ?? 'usd',
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: record.discount ? [record.discount.id] : [],
    due_date: null,
    effective_at: now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${customer.invoice_prefix ?? 'LOCAL'}-0001`,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: sub.metadata, subscription: sub.id },
      type: 'subscription_details',
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: now,
    period_start: now,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'paid',
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: now, voided_at: null },
    subtotal: session.amount_subtotal ?? 0,
    subtotal_excluding_tax: (session.amount_subtotal ?? 0) - tax,
    test_clock: null,
    total,
    total_discount_amounts: record.discount
      ? [{ amount: session.total_details?.amount_discount ?? 0, discount: record.discount.id }]
      : [],
    total_excluding_tax: total - tax,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: now,
  };
}
