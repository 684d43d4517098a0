// The payment of a subscription's first invoice when it is not free (a trial's first invoice is $0 and has
// no payment): a succeeded PaymentIntent with its charge, and the invoice payment linking it to the invoice,
// so the payment can be found from the subscription (latest_invoice → invoice_payments) and refunded.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import type { SessionRecord } from '../core/session-record';
import { chargePaymentIntent, type Payer } from '../resources/charges';
import { recordInvoicePayment } from '../resources/invoice-payments';
import { buildPaymentIntent } from './fulfilment-objects';

export function payInvoice(
  ctx: RequestCtx,
  record: SessionRecord,
  invoice: Stripe.Invoice,
  customer: string,
  paymentMethod: string,
  payer: Payer,
): void {
  const pi = buildPaymentIntent(ctx, record, customer, paymentMethod, null);
  pi.amount = invoice.amount_paid;
  pi.amount_received = invoice.amount_paid;
  pi.description = 'Subscription creation';
  ctx.store.put('payment_intent', pi.id, pi);
  chargePaymentIntent(ctx, pi, payer);
  recordInvoicePayment(ctx, invoice, pi);
  ctx.events.emit(ctx, 'payment_intent.succeeded', structuredClone(pi));
}
