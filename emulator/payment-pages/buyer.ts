// Rules shared by the buyer-side endpoints (update and confirm).
import { invalid } from '../core/errors';
import { EMAIL_PATTERN } from '../core/formats';
import type { SessionRecord } from '../core/session-record';
import { CLIENT_MSG } from './messages';

export function checkEmail(email: string | undefined, param = 'email'): void {
  if (email !== undefined && !EMAIL_PATTERN.test(email)) throw invalid(CLIENT_MSG.invalidEmail, param, 'email_invalid');
}

export function checkShippingDetailsAllowed(record: SessionRecord): void {
  if (record.session.permissions?.update_shipping_details === 'server_only') {
    throw invalid(CLIENT_MSG.shippingServerOnly, 'shipping_details', 'checkout_session_permission_denied');
  }
}

/** The email the buyer typed, kept on customer_details until completion fills the rest. */
export function setBuyerEmail(record: SessionRecord, email: string): void {
  const details = record.session.customer_details;
  record.session.customer_details = details
    ? { ...details, email }
    : {
        address: null,
        business_name: null,
        email,
        individual_name: null,
        name: null,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      };
}
