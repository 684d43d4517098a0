// The session as the API returns it: a copy of the stored object plus the preview permissions
// `update_line_items` and `update_discounts`, which exist only under the seed profile's beta (not in
// the GA type).
import type Stripe from 'stripe';
import type { SessionRecord } from '../core/session-record';

export function sessionObject(record: SessionRecord): Stripe.Checkout.Session {
  const session = structuredClone(record.session);
  if (record.showsLineItemPermission) {
    session.permissions = {
      update_shipping_details: session.permissions?.update_shipping_details ?? null,
      update_line_items: record.updateLineItems,
      update_discounts: record.updateDiscounts,
    } as Stripe.Checkout.Session.Permissions;
  }
  return session;
}
