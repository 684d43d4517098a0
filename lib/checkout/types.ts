import type { SessionLine } from '@/lib/checkout/line-items';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';

/**
 * The Stripe ids of the catalog's objects, by catalog key: lib/stripe/catalog.ts looks them up (by lookup key and
 * `metadata.catalog_id`); the pure rules take them as an argument to name prices and rates in an update.
 */
export type CatalogIds = {
  /** Price id by catalog lookup key. */
  prices: ReadonlyMap<string, string>;
  /** Shipping rate id by catalog shipping rate id. */
  shippingRates: ReadonlyMap<string, string>;
  /** Tax rate id by catalog tax rate id. */
  taxRates: ReadonlyMap<string, string>;
};

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
  /** The tag of the browser that created it (lib/session-binding.ts), from its metadata. */
  bindingTag: string | null;
  /** The session's one discount: what it takes off, and whether the buyer typed it (a promotion code). */
  discount: { amount: number; byCode: boolean } | null;
  /** This server may set the discount (the preview's `permissions.update_discounts: 'server_only'`). */
  serverDiscounts: boolean;
  /** What the browser's Stripe.js needs to show it, while it is open (server side only: never logged). */
  clientSecret: string | null;
};

/** The tax a receipt names: the rate Stripe applied to its lines (one destination, one rate in this shop). */
export type ReceiptTaxRate = {
  displayName: string;
  percentage: number;
  inclusive: boolean;
  country: string | null;
  state: string | null;
};

/** One charged line of a finished checkout, as Stripe reports it at completion (amounts in the smallest unit). */
export type ReceiptLine = {
  /** The catalog product (from its price's lookup key); null for a line the catalog does not price. */
  productId: string | null;
  description: string;
  quantity: number;
  /** Before discount and tax. */
  amountSubtotal: number;
  amountDiscount: number;
  amountTax: number;
  /** What the line was charged: subtotal − discount (+ tax when exclusive). */
  amountTotal: number;
  interval: string | null;
};

/** What the return page (and the order) shows of a finished checkout. */
export type CheckoutReceipt = {
  id: string;
  status: CheckoutSnapshot['status'];
  mode: CheckoutSnapshot['mode'];
  paymentStatus: Open<'paid' | 'unpaid' | 'no_payment_required'>;
  currency: string;
  /** The lines before discount, shipping and tax. */
  amountSubtotal: number;
  amountTotal: number;
  amountShipping: number;
  amountTax: number;
  amountDiscount: number;
  /** The selected shipping rate's display name ("Standard shipping"); null without shipping. */
  shippingMethod: string | null;
  taxRate: ReceiptTaxRate | null;
  email: string | null;
  /** Where the goods go, as Stripe collected it. */
  shipping: ShippingDetails | null;
  bindingTag: string | null;
  /**
   * Stripe's ids, for the back office and refunds: the payment (payment mode: the session's; a plan: its first
   * invoice's, null for a trial's $0 one) and the subscription (a plan).
   */
  paymentIntentId: string | null;
  subscriptionId: string | null;
  items: ReceiptLine[];
};
