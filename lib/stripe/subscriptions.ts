import 'server-only';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';

/** The last payment of a subscription: its latest invoice's amount paid and the payment behind it (none for $0). */
export type SubscriptionPayment = { invoiceId: string; amountPaid: number; currency: string; paymentIntentId: string | null };

export type SubscriptionState = { id: string; status: string; canceledAt: number | null; latestPayment: SubscriptionPayment | null };

/** Reads a subscription and how its latest invoice was paid (invoice payments: API basil on). */
export async function retrieveSubscriptionState(subscriptionId: string): Promise<SubscriptionState> {
  const sub = await callStripe(() => stripe().subscriptions.retrieve(subscriptionId));
  const invoiceId = typeof sub.latest_invoice === 'string' ? sub.latest_invoice : (sub.latest_invoice?.id ?? null);
  let latestPayment: SubscriptionPayment | null = null;
  if (invoiceId) {
    const invoice = await callStripe(() => stripe().invoices.retrieve(invoiceId));
    const payments = await callStripe(() => stripe().invoicePayments.list({ invoice: invoiceId, limit: 10 }));
    const paid = payments.data.find((p) => p.status === 'paid');
    const pi = paid?.payment.payment_intent;
    latestPayment = {
      invoiceId,
      amountPaid: invoice.amount_paid,
      currency: invoice.currency,
      paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
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
