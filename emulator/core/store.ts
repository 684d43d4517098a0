// The in-memory state of the one emulated account. One Map per object type, in creation order
// (lists read it newest first, as Stripe's lists do).
import type Stripe from 'stripe';
import type { SessionRecord } from './session-record';

export type Tables = {
  product: Stripe.Product;
  price: Stripe.Price;
  shipping_rate: Stripe.ShippingRate;
  tax_rate: Stripe.TaxRate;
  coupon: Stripe.Coupon;
  promotion_code: Stripe.PromotionCode;
  customer: Stripe.Customer;
  'checkout.session': SessionRecord;
  payment_intent: Stripe.PaymentIntent;
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice;
  event: Stripe.Event;
  webhook_endpoint: Stripe.WebhookEndpoint;
  charge: Stripe.Charge;
  refund: Stripe.Refund;
  invoice_payment: Stripe.InvoicePayment;
};
export type TableName = keyof Tables;

const TABLES: TableName[] = [
  'product',
  'price',
  'shipping_rate',
  'tax_rate',
  'coupon',
  'promotion_code',
  'customer',
  'checkout.session',
  'payment_intent',
  'subscription',
  'invoice',
  'event',
  'webhook_endpoint',
  'charge',
  'refund',
  'invoice_payment',
];

/** Id prefix → table, so `expand[]` can resolve any id it meets. */
const PREFIXES: [string, TableName][] = [
  ['prod_', 'product'],
  ['price_', 'price'],
  ['shr_', 'shipping_rate'],
  ['txr_', 'tax_rate'],
  ['promo_', 'promotion_code'],
  ['cus_', 'customer'],
  ['cs_', 'checkout.session'],
  ['pi_', 'payment_intent'],
  ['sub_', 'subscription'],
  ['in_', 'invoice'],
  ['evt_', 'event'],
  ['we_', 'webhook_endpoint'],
  ['ch_', 'charge'],
  ['re_', 'refund'],
  ['inpay_', 'invoice_payment'],
];

/**
 * Fields whose ids carry no prefix, and the table they name: a coupon's id is what the account chose
 * (`25OFF`) or a random 8 characters, so `coupon`, `promotion.coupon` and `source.coupon` name it.
 */
const UNPREFIXED_FIELDS: Partial<Record<string, TableName>> = { coupon: 'coupon' };

export class Store {
  private tables = new Map<TableName, Map<string, unknown>>();

  constructor() {
    this.reset();
  }

  reset(): void {
    for (const name of TABLES) this.tables.set(name, new Map());
  }

  table<K extends TableName>(name: K): Map<string, Tables[K]> {
    // reset() fills every table name with its own Map; the one Map per name holds Tables[name] only.
    return this.tables.get(name) as Map<string, Tables[K]>;
  }

  get<K extends TableName>(name: K, id: string): Tables[K] | undefined {
    return this.table(name).get(id);
  }

  put<K extends TableName>(name: K, id: string, value: Tables[K]): Tables[K] {
    this.table(name).set(id, value);
    return value;
  }

  /** The table an id belongs to, by its prefix, or by the field holding it where ids have none. */
  tableForId(id: string, field?: string): TableName | undefined {
    return (
      PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1] ??
      (field === undefined ? undefined : UNPREFIXED_FIELDS[field])
    );
  }
}
