// Charges: the one successful card charge behind each paid PaymentIntent (its `latest_charge`), and the
// refund bookkeeping Stripe keeps on it (`amount_refunded`, `refunded`). Retrieve and list only: a charge is
// made by paying, never created directly (the Charges create API is legacy).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { notFound } from '../core/errors';
import { newId } from '../core/ids';
import { newestFirst, paginate } from '../core/list';
import { LIST_FIELDS, str } from '../http/params';
import type { Route } from '../http/router';
import type { Address } from './common';
import { listRoute, retrieveRoute } from './route-helpers';

export type Payer = { email: string | null; name: string | null; address: Address | null };

const EMPTY_ADDRESS: Address = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };

/** Stores the succeeded charge of a paid PaymentIntent, points `latest_charge` at it and emits `charge.succeeded`. */
export function chargePaymentIntent(ctx: RequestCtx, pi: Stripe.PaymentIntent, payer: Payer): Stripe.Charge {
  const id = newId('ch');
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: pi.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: {
      address: payer.address ?? EMPTY_ADDRESS,
      email: payer.email,
      name: payer.name,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: null,
    captured: true,
    created: ctx.clock.now(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: pi.id,
    payment_method: typeof pi.payment_method === 'string' ? pi.payment_method : null,
    // The local Stripe keeps no card details past the confirm request: null, as the type allows.
    payment_method_details: null,
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: pi.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  ctx.store.put('charge', id, charge);
  pi.latest_charge = id;
  ctx.events.emit(ctx, 'charge.succeeded', structuredClone(charge));
  return charge;
}

export function getCharge(ctx: RequestCtx, id: string, param = 'id'): Stripe.Charge {
  const found = ctx.store.get('charge', id);
  if (!found) throw notFound('charge', id, param);
  return found;
}

export const chargeRoutes: Route[] = [
  retrieveRoute('/v1/charges/:id', (ctx, id) => getCharge(ctx, id)),
  listRoute('/v1/charges', { ...LIST_FIELDS, payment_intent: str(), customer: str() }, (ctx, params) => {
    const { payment_intent: pi, customer } = params;
    const charges = newestFirst(ctx.store.table('charge')).filter(
      (charge) =>
        (pi === undefined || charge.payment_intent === pi) && (customer === undefined || charge.customer === customer),
    );
    return paginate(charges, params, '/v1/charges', 'charge');
  }),
];
