// Refunds (POST /v1/refunds, retrieve, update, list) against a succeeded charge, named by `charge` or by
// `payment_intent` (its latest charge). Full by default, partial with `amount`, several up to what was charged;
// the charge's `amount_refunded` and `refunded` follow. Stripe's refund docs and API reference
// (docs.stripe.com/refunds, /api/refunds/create); the error wording is the one Stripe answers with, as
// integrations quote it (stripe-ruby-mock#860, reactioncommerce#3704).
// A card refund in test mode is `succeeded` at once here (a choice: Stripe may answer `pending` first and
// finish later). Events: `refund.created` and `charge.refunded` on create, `refund.updated` on an update.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { int, LIST_FIELDS, str, type ParamsOf } from '../http/params';
import type { Route } from '../http/router';
import { getCharge } from './charges';
import { METADATA, mergeMetadata } from './common';
import { createRoute, listRoute, retrieveRoute, updateRoute } from './route-helpers';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

const CREATE_FIELDS = {
  charge: str(),
  payment_intent: str(),
  amount: int({ min: 1 }),
  reason: str({ enum: REASONS }),
  metadata: METADATA,
};

export const REFUND_MSG = {
  noTarget: 'One of the following params should be provided for this request: payment_intent or charge.',
  notCharged: (pi: string) => `This PaymentIntent (${pi}) does not have a successful charge to refund.`,
  mismatch: (charge: string, pi: string) => `The charge ${charge} does not belong to the PaymentIntent ${pi}.`,
  alreadyRefunded: (charge: string) => `Charge ${charge} has already been refunded.`,
  tooLarge: (asked: string, left: string) =>
    `Refund amount (${asked}) is greater than unrefunded amount on charge (${left})`,
};

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);

function chargeToRefund(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.Charge {
  const { charge: chargeId, payment_intent: piId } = params;
  if (!chargeId && !piId) throw invalid(REFUND_MSG.noTarget);
  if (chargeId) {
    const charge = getCharge(ctx, chargeId, 'charge');
    if (piId && charge.payment_intent !== piId) throw invalid(REFUND_MSG.mismatch(chargeId, piId), 'payment_intent');
    return charge;
  }
  const pi = ctx.store.get('payment_intent', piId ?? '');
  if (!pi) throw notFound('payment_intent', piId ?? '', 'payment_intent');
  const latest = typeof pi.latest_charge === 'string' ? ctx.store.get('charge', pi.latest_charge) : undefined;
  if (!latest || latest.status !== 'succeeded')
    throw invalid(REFUND_MSG.notCharged(pi.id), 'payment_intent', 'charge_not_refundable');
  return latest;
}

function createRefund(ctx: RequestCtx, params: ParamsOf<typeof CREATE_FIELDS>): Stripe.Refund {
  const charge = chargeToRefund(ctx, params);
  const left = charge.amount - charge.amount_refunded;
  if (left === 0) throw invalid(REFUND_MSG.alreadyRefunded(charge.id), 'charge', 'charge_already_refunded');
  const amount = params.amount ?? left;
  if (amount > left)
    throw invalid(
      REFUND_MSG.tooLarge(money(amount, charge.currency), money(left, charge.currency)),
      'amount',
      'amount_too_large',
    );

  const id = newId('re');
  const refund: Stripe.Refund = {
    id,
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: ctx.clock.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: mergeMetadata({}, params.metadata),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: params.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  ctx.store.put('refund', id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  ctx.events.emit(ctx, 'refund.created', structuredClone(refund));
  ctx.events.emit(ctx, 'charge.refunded', structuredClone(charge), previous);
  return refund;
}

function getRefund(ctx: RequestCtx, id: string): Stripe.Refund {
  const found = ctx.store.get('refund', id);
  if (!found) throw notFound('refund', id);
  return found;
}

export const refundRoutes: Route[] = [
  createRoute('/v1/refunds', CREATE_FIELDS, createRefund),
  retrieveRoute('/v1/refunds/:id', getRefund),
  updateRoute('/v1/refunds/:id', { metadata: METADATA }, (ctx, params, id) => {
    const refund = getRefund(ctx, id);
    const previous = { metadata: refund.metadata };
    refund.metadata = mergeMetadata(refund.metadata, params.metadata);
    ctx.events.emit(ctx, 'refund.updated', structuredClone(refund), previous);
    return refund;
  }),
  listRoute('/v1/refunds', { ...LIST_FIELDS, charge: str(), payment_intent: str() }, (ctx, params) => {
    const { charge, payment_intent: pi } = params;
    const refunds = newestFirst(ctx.store.table('refund')).filter(
      (refund) =>
        (charge === undefined || refund.charge === charge) && (pi === undefined || refund.payment_intent === pi),
    );
    return paginate(refunds, params, '/v1/refunds', 'refund');
  }),
];
