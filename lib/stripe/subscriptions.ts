import 'server-only';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';

/** The last payment of a subscription: its latest invoice's amount paid and the payment behind it (none for $0). */
export type SubscriptionPayment = {
  invoiceId: string;
  amountPaid: number;
  currency: string;
  paymentIntentId: string | null;
};

export type SubscriptionState = {
  id: string;
  status: string;
  canceledAt: number | null;
  latestPayment: SubscriptionPayment | null;
};

/**
 * The payment intent that paid an invoice, or null when none did (a trial's $0 first invoice has no payment).
 * Since API 2025-03-31.basil an invoice no longer names its `payment_intent`: its invoice payments do, each with
 * `payment.payment_intent` when `payment.type` is `payment_intent`; the one with status `paid` is the payment.
 */
export async function paymentIntentOfInvoice(invoiceId: string): Promise<string | null> {
  const payments = await callStripe(() => stripe().invoicePayments.list({ invoice: invoiceId, limit: 10 }));
  const pi = payments.data.find((p) => p.status === 'paid')?.payment.payment_intent;
  return typeof pi === 'string' ? pi : (pi?.id ?? null);
}

/** Reads a subscription and how its latest invoice was paid. */
export async function retrieveSubscriptionState(subscriptionId: string): Promise<SubscriptionState> {
  const sub = await callStripe(() => stripe().subscriptions.retrieve(subscriptionId));
  const invoiceId = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : (sub.latest_invoice?.id ?? null);
  let latestPayment: SubscriptionPayment | null = null;
  if (invoiceId) {
    const invoice = await callStripe(() => stripe().invoices.retrieve(invoiceId));
    latestPayment = {
      invoiceId,
      amountPaid: invoice.amount_paid,
      currency: invoice.currency,
      paymentIntentId: await paymentIntentOfInvoice(invoiceId),
    };
  }
  return { id: sub.id, status: sub.status, canceledAt: sub.canceled_at, latestPayment };
}

/** Cancels at once (DELETE /v1/subscriptions/:id); cancelling one already canceled is not an error here. */
export async function cancelSubscription(subscriptionId: string): Promise<void> {
  const sub = await callStripe(() => stripe().subscriptions.retrieve(subscriptionId));
  if (sub.status === 'canceled') return;
  await callStripe(() => stripe().subscriptions.cancel(subscriptionId));
}
