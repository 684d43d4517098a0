// POST /v1/payment_pages/:id/confirm: the buyer pays. Checks the session is open and unchanged
// (`expected_amount`), the email and shipping address it needs, then the test card; only a card that
// pays completes the session (a declined card leaves it open for another try, as Checkout does).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { int, obj, str, type Params, type Spec } from '../http/params';
import { ADDRESS_FIELDS, toAddress } from '../resources/common';
import { completeSession } from '../checkout/complete';
import { chargeCard } from './cards';
import { CLIENT_MSG as M } from './messages';
import { checkEmail, checkShippingDetailsAllowed, requireOpen, setBuyerEmail, SHIPPING_DETAILS, shippingDetailsOf } from './buyer';
import { clientView, loadWithSecret } from './view';

export const CONFIRM_PARAMS: Record<string, Spec> = {
  client_secret: str({ required: true }),
  email: str({ max: 512 }),
  expected_amount: int(),
  return_url: str(),
  shipping_details: SHIPPING_DETAILS,
  payment_method_data: obj(
    {
      type: str({ enum: ['card'] }),
      card: obj(
        {
          number: str({ required: true }),
          exp_month: int({ required: true }),
          exp_year: int({ required: true }),
          cvc: str({ required: true }),
        },
        { required: true },
      ),
      billing_details: obj({ name: str(), email: str(), phone: str(), address: obj(ADDRESS_FIELDS) }),
    },
    { required: true },
  ),
};

export function confirmSession(ctx: RequestCtx, p: Params, id: string): Stripe.Checkout.Session {
  const record = loadWithSecret(ctx, id, p.client_secret);
  requireOpen(record);
  const s = record.session;
  if (typeof p.expected_amount === 'number' && p.expected_amount !== s.amount_total) {
    throw invalid(M.amountChanged(p.expected_amount, s.amount_total ?? 0), 'expected_amount', 'checkout_amount_mismatch');
  }
  checkEmail(p.email);
  const customerEmail = typeof s.customer === 'string' ? ctx.store.get('customer', s.customer)?.email : null;
  const email = (p.email as string | undefined) ?? s.customer_details?.email ?? s.customer_email ?? customerEmail ?? null;
  if (!email) throw invalid(M.emailRequired, 'email', 'parameter_missing');
  if (p.shipping_details !== undefined) checkShippingDetailsAllowed(record);
  const shipping = p.shipping_details ? shippingDetailsOf(p.shipping_details as Params) : s.collected_information?.shipping_details;
  if (s.shipping_address_collection && !shipping) throw invalid(M.shippingRequired, 'shipping_details', 'parameter_missing');

  const pm = p.payment_method_data as Params;
  const card = pm.card as { number: string; exp_month: number; exp_year: number; cvc: string };
  chargeCard(card, new Date(ctx.clock.nowMs()));

  const billing = (pm.billing_details ?? {}) as Params;
  setBuyerEmail(record, email);
  if (shipping) {
    s.collected_information = {
      business_name: s.collected_information?.business_name ?? null,
      individual_name: s.collected_information?.individual_name ?? null,
      shipping_details: shipping,
    };
  }
  completeSession(ctx, record, {
    email,
    name: (billing.name as string | undefined) ?? shipping?.name ?? null,
    address: billing.address ? toAddress(billing.address as Params) : null,
  });
  return clientView(ctx, record);
}
