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
  /** The one discount on the session: a coupon (its terms copied when applied) and the promotion code it came from. */
  discount: AppliedDiscount | null;
  /** Preview-only permission `update_discounts` (shown under the beta, like update_line_items). */
  updateDiscounts: 'client_only' | 'server_only' | null;
};

export type AppliedDiscount = {
  id: string;
  coupon: Stripe.Coupon;
  promotionCode: Stripe.PromotionCode | null;
  start: number;
};

type MetadataParam = Record<string, string> | '';
export type PaymentIntentData = {
  metadata?: MetadataParam;
  description?: string;
  receipt_email?: string;
  statement_descriptor?: string;
};
/** A trial is set by `trial_period_days` or `trial_end` (never both), at create or (preview) on update. */
export type SubscriptionData = {
  metadata?: MetadataParam;
  description?: string;
  trial_period_days?: number;
  trial_end?: number;
};
