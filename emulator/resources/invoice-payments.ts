// Invoice payments: how an invoice was paid (API 2025-03-31.basil moved `charge` and `payment_intent` off the
// invoice into these). A subscription's paid invoice has one, whose `payment.payment_intent` is what a refund
// of that payment names. List (filtered by `invoice`) and retrieve.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { LIST_FIELDS, str } from '../http/params';
import type { Route } from '../http/router';
import { listRoute, retrieveRoute } from './route-helpers';

export function recordInvoicePayment(
  ctx: RequestCtx,
  invoice: Stripe.Invoice,
  paymentIntent: Stripe.PaymentIntent,
): Stripe.InvoicePayment {
  const id = newId('inpay');
  const now = ctx.clock.now();
  return ctx.store.put('invoice_payment', id, {
    id,
    object: 'invoice_payment',
    amount_paid: paymentIntent.amount_received,
    amount_requested: invoice.amount_due,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { payment_intent: paymentIntent.id, type: 'payment_intent' },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: now },
  });
}

export const invoicePaymentRoutes: Route[] = [
  retrieveRoute('/v1/invoice_payments/:id', (ctx, id) => {
    const found = ctx.store.get('invoice_payment', id);
    if (!found) throw notFound('invoice_payment', id);
    return found;
  }),
  listRoute('/v1/invoice_payments', { ...LIST_FIELDS, invoice: str() }, (ctx, params) => {
    const payments = newestFirst(ctx.store.table('invoice_payment')).filter(
      (p) => params.invoice === undefined || p.invoice === params.invoice,
    );
    return paginate(payments, params, '/v1/invoice_payments', 'invoice_payment');
  }),
];
