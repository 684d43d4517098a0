// Completing a session after a successful card payment (payment_pages confirm): a customer (the
// session's, or a new one when Stripe would create one: see needsCustomer; the buyer is always in
// customer_details), then a PaymentIntent or a Subscription + Invoice, linked on the session, then the
// events a fulfilment flow listens to, with `checkout.session.completed` last.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { newId } from '../core/ids';
import type { Address } from '../resources/common';
import { createCustomerRecord } from '../resources/customers';
import { redeemDiscount } from './discounts';
import { buildPaymentIntent, buildSubscription } from './fulfilment-objects';
import { buildInvoice } from './invoice-object';
import { payInvoice } from './invoice-payment';
import { chargePaymentIntent } from '../resources/charges';
import { sessionObject } from './render-session';
import { trialOf } from './trial';
import type { SessionRecord } from '../core/session-record';

export type Buyer = { email: string; name: string | null; address: Address | null };

export function completeSession(ctx: RequestCtx, record: SessionRecord, buyer: Buyer): void {
  const session = record.session;
  const existing = typeof session.customer === 'string' ? ctx.store.get('customer', session.customer) : undefined;
  const customer =
    existing ??
    (needsCustomer(session)
      ? createCustomerRecord(ctx, { email: buyer.email, ...(buyer.name ? { name: buyer.name } : {}) })
      : null);
  if (customer && !existing) ctx.events.emit(ctx, 'customer.created', structuredClone(customer));
  const paymentMethod = newId('pm');
  const shippingDetails = session.collected_information?.shipping_details ?? null;

  session.customer = customer?.id ?? null;
  session.customer_details = {
    address: buyer.address,
    business_name: null,
    email: buyer.email,
    individual_name: null,
    name: buyer.name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.status = 'complete';
  // A free trial delays the first payment ("no_payment_required": the payment is delayed to a future date).
  session.payment_status = session.mode === 'subscription' && trialOf(ctx, record) ? 'no_payment_required' : 'paid';
  redeemDiscount(ctx, record);

  if (session.mode === 'payment') {
    const shipping = shippingDetails
      ? {
          address: shippingDetails.address,
          carrier: null,
          name: shippingDetails.name,
          phone: null,
          tracking_number: null,
        }
      : null;
    const pi = buildPaymentIntent(ctx, record, customer?.id ?? null, paymentMethod, shipping);
    ctx.store.put('payment_intent', pi.id, pi);
    session.payment_intent = pi.id;
    ctx.events.emit(
      ctx,
      'payment_intent.created',
      structuredClone({ ...pi, status: 'requires_payment_method', amount_received: 0 }),
    );
    chargePaymentIntent(ctx, pi, buyer);
    ctx.events.emit(ctx, 'payment_intent.succeeded', structuredClone(pi));
  } else if (customer) {
    const sub = buildSubscription(ctx, record, customer.id, paymentMethod);
    // Stripe's fixture (dahlia) still returns `subscription` on invoices; the stripe@23 type dropped it.
    const invoice = Object.assign(buildInvoice(ctx, record, sub, customer), { subscription: sub.id });
    sub.latest_invoice = invoice.id;
    ctx.store.put('subscription', sub.id, sub);
    ctx.store.put('invoice', invoice.id, invoice);
    session.subscription = sub.id;
    session.invoice = invoice.id;
    ctx.events.emit(ctx, 'customer.subscription.created', structuredClone(sub));
    if (invoice.amount_paid > 0) payInvoice(ctx, record, invoice, customer.id, paymentMethod, buyer);
    ctx.events.emit(ctx, 'invoice.paid', structuredClone(invoice));
  }
  ctx.events.emit(ctx, 'checkout.session.completed', sessionObject(record));
}

// Payment mode defaults to customer_creation=if_required, which creates a Customer only when one is
// needed ("only subscription mode Sessions and payment mode Sessions with post-purchase invoices
// enabled require a Customer"; changelog 2022-08-01 default-customer-creation-checkout-session).
function needsCustomer(session: Stripe.Checkout.Session): boolean {
  return (
    session.mode !== 'payment' || session.customer_creation === 'always' || session.invoice_creation?.enabled === true
  );
}
