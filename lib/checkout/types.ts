import type { SessionLine } from '@/lib/checkout/line-items';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';

// Stripe's enums are open (new values may appear), so these admit any string beside the known ones.
type Open<T extends string> = T | (string & {});

/** What the app needs to know of a Checkout Session to decide an update: no amounts, no customer data. */
export type CheckoutSnapshot = {
  id: string;
  status: Open<'open' | 'complete' | 'expired'>;
  mode: Open<'payment' | 'subscription' | 'setup'>;
  /** Unix seconds. */
  expiresAt: number;
  currency: string;
  lines: SessionLine[];
  /** Where the goods go, once the server has set it (payment mode); null before. */
  shipping: ShippingDetails | null;
  /** The Stripe id of the selected shipping rate, if any. */
  shippingRateId: string | null;
  /** The tag of the browser that created it (lib/checkout/session-binding.ts), from its metadata. */
  bindingTag: string | null;
  /** The session's one discount: what it takes off, and whether the buyer typed it (a promotion code). */
  discount: { amount: number; byCode: boolean } | null;
  /** This server may set the discount (the preview's `permissions.update_discounts: 'server_only'`). */
  serverDiscounts: boolean;
};

/** What the return page shows of a finished checkout. */
export type CheckoutReceipt = {
  id: string;
  status: CheckoutSnapshot['status'];
  paymentStatus: Open<'paid' | 'unpaid' | 'no_payment_required'>;
  currency: string;
  amountTotal: number;
  amountShipping: number;
  amountTax: number;
  amountDiscount: number;
  email: string | null;
  /** Where the goods go (payment mode with shipping address collection), as Stripe collected it. */
  shipping: { name: string | null; address: Record<string, string | null> | null } | null;
  bindingTag: string | null;
  items: Array<{ description: string; quantity: number; amountTotal: number; interval: string | null }>;
};
