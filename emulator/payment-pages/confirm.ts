// POST /v1/payment_pages/:id/confirm: the buyer pays. Checks the session is open and unchanged
// (`expected_amount`), the email and shipping address it needs, then the test card; only a card that
// pays completes the session (a declined card leaves it open for another try, as Checkout does).
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { completeSession } from '../checkout/complete';
import { requireOpen } from '../checkout/expiry';
import { SHIPPING_DETAILS } from '../checkout/params';
import { checkShippingCountry, setShippingDetails, shippingDetailsOf } from '../checkout/session-changes';
import { int, obj, str, type ParamsOf } from '../http/params';
import { ADDRESS_FIELDS, toAddress } from '../resources/common';
import { checkEmail, checkShippingDetailsAllowed, setBuyerEmail } from './buyer';
import { chargeCard } from './cards';
import { CLIENT_MSG } from './messages';
import { clientView, loadWithSecret, type ClientSession } from './view';

export const CONFIRM_FIELDS = {
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

export function confirmSession(ctx: RequestCtx, params: ParamsOf<typeof CONFIRM_FIELDS>, id: string): ClientSession {
  const record = requireOpen(loadWithSecret(ctx, id, params.client_secret));
  const session = record.session;
  const expected = params.expected_amount;
  if (expected !== undefined && expected !== session.amount_total) {
    throw invalid(
      CLIENT_MSG.amountChanged(expected, session.amount_total ?? 0),
      'expected_amount',
      'checkout_amount_mismatch',
    );
  }
  checkEmail(params.email);
  const customerEmail =
    typeof session.customer === 'string' ? ctx.store.get('customer', session.customer)?.email : null;
  const email = params.email ?? session.customer_details?.email ?? session.customer_email ?? customerEmail ?? null;
  if (!email) throw invalid(CLIENT_MSG.emailRequired, 'email', 'parameter_missing');
  if (params.shipping_details !== undefined) {
    checkShippingDetailsAllowed(record);
    checkShippingCountry(record, params.shipping_details, 'shipping_details');
  }
  const shipping = params.shipping_details
    ? shippingDetailsOf(params.shipping_details)
    : session.collected_information?.shipping_details;
  if (session.shipping_address_collection && !shipping)
    throw invalid(CLIENT_MSG.shippingRequired, 'shipping_details', 'parameter_missing');

  const paymentMethod = params.payment_method_data;
  chargeCard(paymentMethod.card, new Date(ctx.clock.nowMs()));

  const billing = paymentMethod.billing_details;
  setBuyerEmail(record, email);
  if (shipping) setShippingDetails(record, shipping);
  completeSession(ctx, record, {
    email,
    name: billing?.name ?? shipping?.name ?? null,
    address: billing?.address ? toAddress(billing.address) : null,
  });
  return clientView(ctx, record);
}
