// What the store keeps for a Checkout Session: the session object as Stripe returns it (totals kept
// current by `recompute`), and its line items, which Stripe only returns on request
// (`expand[]=line_items` or GET …/line_items).
import type Stripe from 'stripe';

export type AdjustableQuantity = { enabled: boolean; maximum: number | null; minimum: number | null };

export type LineItemRecord = {
  id: string;
  price: string;
  quantity: number;
  tax_rates: string[];
  adjustable_quantity: AdjustableQuantity | null;
  metadata: Record<string, string> | null;
};

export type SessionRecord = {
  session: Stripe.Checkout.Session;
  items: LineItemRecord[];
  /** Created under the server-update beta: the session shows `permissions.update_line_items`. */
  showsLineItemPermission: boolean;
  /** Preview-only permission (seed profile); kept here because the GA type has no such field. */
  updateLineItems: 'client_only' | 'server_only' | null;
  /** Create params Stripe applies when the session completes (not echoed on the session). */
  paymentIntentData: PaymentIntentData | null;
  subscriptionData: SubscriptionData | null;
};

type MetadataParam = Record<string, string> | '';
export type PaymentIntentData = { metadata?: MetadataParam; description?: string; receipt_email?: string; statement_descriptor?: string };
export type SubscriptionData = { metadata?: MetadataParam; description?: string; trial_period_days?: number };
