// Rules shared by the buyer-side endpoints (update and confirm).
import type Stripe from 'stripe';
import { invalid } from '../core/errors';
import { obj, str, type Params, type Spec } from '../http/params';
import { ADDRESS_FIELDS, toAddress } from '../resources/common';
import type { SessionRecord } from '../checkout/session-record';
import { CLIENT_MSG as M } from './messages';

export const SHIPPING_DETAILS: Spec = obj({
  name: str({ max: 255, required: true }),
  address: obj({ ...ADDRESS_FIELDS, line1: str({ required: true }), country: str({ required: true }) }, { required: true }),
});

export function requireOpen(record: SessionRecord): void {
  if (record.session.status !== 'open') throw invalid(M.notOpen(String(record.session.status)));
}

export function checkEmail(email: unknown, param = 'email'): void {
  if (typeof email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid(M.invalidEmail, param, 'email_invalid');
}

export function checkShippingDetailsAllowed(record: SessionRecord): void {
  if (record.session.permissions?.update_shipping_details === 'server_only') {
    throw invalid(M.shippingServerOnly, 'shipping_details', 'checkout_session_permission_denied');
  }
}

export function shippingDetailsOf(p: Params): Stripe.Checkout.Session.CollectedInformation.ShippingDetails {
  return { name: p.name as string, address: toAddress(p.address as Params) as Stripe.Address };
}

/** The email the buyer typed, kept on customer_details until completion fills the rest. */
export function setBuyerEmail(record: SessionRecord, email: string): void {
  const d = record.session.customer_details;
  record.session.customer_details = d
    ? { ...d, email }
    : { address: null, business_name: null, email, individual_name: null, name: null, phone: null, tax_exempt: 'none', tax_ids: [] };
}
