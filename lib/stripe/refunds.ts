import 'server-only';
import type Stripe from 'stripe';
import { stripe } from '@/lib/stripe/client';
import { callStripe } from '@/lib/stripe/errors';

/** A Stripe refund as the books need it. */
export type StripeRefund = {
  id: string;
  amount: number;
  currency: string;
  /** `pending`, `succeeded`, `failed`, `canceled` (and `requires_action` for some methods). */
  status: string;
  reason: string | null;
  paymentIntentId: string | null;
  metadata: Record<string, string>;
};

const toRefund = (refund: Stripe.Refund): StripeRefund => ({
  id: refund.id,
  amount: refund.amount,
  currency: refund.currency,
  status: refund.status ?? 'pending',
  reason: refund.reason,
  paymentIntentId:
    typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null),
  metadata: refund.metadata ?? {},
});

/**
 * Refunds part or all of a payment (POST /v1/refunds). The idempotency key makes a double submit, or the SDK's
 * retry, one refund: Stripe answers the same key with the first refund.
 */
export async function createRefund(request: {
  paymentIntentId: string;
  amount: number;
  idempotencyKey: string;
  metadata: Record<string, string>;
}): Promise<StripeRefund> {
  const refund = await callStripe(() =>
    stripe().refunds.create(
      {
        payment_intent: request.paymentIntentId,
        amount: request.amount,
        reason: 'requested_by_customer',
        metadata: request.metadata,
      },
      { idempotencyKey: request.idempotencyKey },
    ),
  );
  return toRefund(refund);
}

/** Every refund of a payment, newest first (a payment has a handful at most: one page of 100). */
export async function listRefunds(paymentIntentId: string): Promise<StripeRefund[]> {
  const page = await callStripe(() => stripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 }));
  return page.data.map(toRefund);
}

/** The payment a refund (`re_…`) or a charge (`ch_…`) belongs to, read back from Stripe; null for anything else. */
export async function paymentIntentOf(objectId: string): Promise<string | null> {
  const idOf = (pi: string | { id: string } | null) => (typeof pi === 'string' ? pi : (pi?.id ?? null));
  if (objectId.startsWith('re_'))
    return idOf((await callStripe(() => stripe().refunds.retrieve(objectId))).payment_intent);
  if (objectId.startsWith('ch_') || objectId.startsWith('py_'))
    return idOf((await callStripe(() => stripe().charges.retrieve(objectId))).payment_intent);
  return null;
}
