// The store's tables. Changed only through drizzle-kit: edit this file, `npm run db:generate`, commit the SQL.
import { sql } from 'drizzle-orm';
import type { ReceiptTaxRate } from '@/lib/checkout/types';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Units on the shelf per catalog product (lib/catalog.ts ids). Only a sale decrements it. */
export const inventory = pgTable('inventory', {
  productId: text('product_id').primaryKey(),
  stock: integer('stock').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Units reserved for one checkout until it completes or ends. Keyed by a reservation id derived from the
 * create request's idempotency key (the Stripe session does not exist yet when the hold is placed); the
 * session id is attached once Stripe has answered. One row per (reservation, product), set to an absolute
 * quantity, so a retried request does not hold twice.
 */
export const holds = pgTable(
  'holds',
  {
    reservationId: text('reservation_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => inventory.productId),
    quantity: integer('quantity').notNull(),
    sessionId: text('session_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.reservationId, table.productId] }),
    index('holds_session_id_idx').on(table.sessionId),
    index('holds_product_id_expires_at_idx').on(table.productId, table.expiresAt),
    check('holds_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/**
 * An order's shipping as the `orders.shipping` JSON column holds it: the app's ShippingDetails
 * (lib/checkout/shipping-address.ts) when written, read back through lib/db/orders.ts. Typed loosely on purpose:
 * a row keeps the shape it was written in, and rows from before that type hold nulls where it has ''.
 */
export type StoredShipping = {
  name: string | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    state: string | null;
    postalCode: string | null;
    country: string | null;
  } | null;
};

/** One paid checkout: exactly one row per Checkout Session, however often Stripe delivers its events. */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    sessionId: text('session_id').notNull().unique(),
    /** `payment` (products) or `subscription` (a plan). */
    mode: text('mode').notNull().default('payment'),
    paymentStatus: text('payment_status').notNull(),
    currency: text('currency').notNull(),
    /** The lines before discount, shipping and tax. */
    amountSubtotal: integer('amount_subtotal').notNull().default(0),
    amountTotal: integer('amount_total').notNull(),
    amountShipping: integer('amount_shipping').notNull(),
    amountTax: integer('amount_tax').notNull().default(0),
    /** What the session's discount (a promotion code, the loyalty discount) took off; 0 without one. */
    amountDiscount: integer('amount_discount').notNull().default(0),
    /** The selected shipping rate's display name, and the tax rate Stripe applied (null without). */
    shippingMethod: text('shipping_method'),
    taxRate: jsonb('tax_rate').$type<ReceiptTaxRate | null>(),
    email: text('email'),
    shipping: jsonb('shipping').$type<StoredShipping | null>(),
    /**
     * Stripe's ids: the payment refunds go through (payment mode: the session's; a plan: its first invoice's, none
     * for a trial's $0 invoice) and the subscription (a plan).
     */
    paymentIntentId: text('payment_intent_id'),
    subscriptionId: text('subscription_id'),
    /** Which path recorded it first: `webhook`, `return_page` or `reconcile` (the others then found it recorded). */
    recordedBy: text('recorded_by').notNull().default('webhook'),
    /** The tag of the browser that made the checkout: the return page shows the receipt to that browser only. */
    bindingTag: text('binding_tag'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** `paid`, `partially_refunded` or `refunded`: follows the refunds booked against it (lib/db/refunds.ts). */
    status: text('status').notNull().default('paid'),
    /** The sum of its refunds that have not failed, in the order's currency. */
    amountRefunded: integer('amount_refunded').notNull().default(0),
    /** A plan order: when the owner cancelled its subscription from the back office. */
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
  },
  // A refund made in Stripe's Dashboard arrives naming its payment, not its session (lib/db/refunds.ts).
  (table) => [index('orders_payment_intent_id_idx').on(table.paymentIntentId)],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The catalog product (lib/catalog.ts); null for a line the catalog does not price. */
    productId: text('product_id'),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    /** As Stripe charged the line: before discount and tax, the discount, the tax, and the total. */
    amountSubtotal: integer('amount_subtotal').notNull().default(0),
    amountDiscount: integer('amount_discount').notNull().default(0),
    amountTax: integer('amount_tax').notNull().default(0),
    amountTotal: integer('amount_total').notNull(),
    interval: text('interval'),
  },
  (table) => [primaryKey({ columns: [table.orderId, table.position] })],
);

/** Every Stripe event id the webhook has acted on: a redelivery finds its id here and does nothing. */
export const processedEvents = pgTable('processed_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A browser's cart, keyed by the binding tag of its cookie token (lib/session-binding.ts), never the
 * token itself: a paid session carries that tag, so fulfilment can empty the buyer's cart.
 */
export const carts = pgTable('carts', {
  ownerTag: text('owner_tag').primaryKey(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One line per product in a cart, at an absolute quantity; a line at 0 is deleted, never stored. */
export const cartLines = pgTable(
  'cart_lines',
  {
    ownerTag: text('owner_tag')
      .notNull()
      .references(() => carts.ownerTag, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => inventory.productId),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.ownerTag, table.productId] }),
    check('cart_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/**
 * Every Checkout Session this store made, beside the browser (owner tag) that made it. A browser has at most one
 * open checkout of each kind (`payment`: products; `plan`: a subscription): the partial unique index holds it
 * even if two servers race. `source` says what it was made from (`cart`, or `link:<digest>` for a "Buy now"
 * link's products), so opening the same checkout again resumes it.
 */
export const checkouts = pgTable(
  'checkouts',
  {
    sessionId: text('session_id').primaryKey(),
    ownerTag: text('owner_tag').notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    /** `open`, `complete` or `expired`, as far as this store knows (Stripe is the truth; the sweep catches up). */
    status: text('status').notNull().default('open'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('checkouts_one_open_per_owner')
      .on(table.ownerTag, table.kind)
      .where(sql`${table.status} = 'open'`),
    index('checkouts_status_expires_at_idx').on(table.status, table.expiresAt),
  ],
);

/**
 * Short leases that serialise work on one key (a Checkout Session's changes, a browser's checkout creation)
 * without holding a transaction or a connection: taken with one conditional upsert, given back with one delete,
 * and free again on their own after `until` if the process that took one died.
 */
export const leases = pgTable('leases', {
  key: text('key').primaryKey(),
  holder: text('holder').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
});

/**
 * Requests admitted per key (a client address) per fixed window; a limit over a sliding window reads the current
 * and the previous one (lib/checkout/creation-limit.ts). Kept in the database, so it holds across instances.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/** The store's scheduled jobs (lib/jobs): when each last ran, and the reconciler's cursor. */
export const jobRuns = pgTable('job_runs', {
  job: text('job').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** Where the next run starts: the reconciler lists Stripe's completion events created since this time. */
  cursor: timestamp('cursor', { withTimezone: true }),
});

/**
 * Refunds against orders, one row per Stripe refund id: a refund made in the back office and the webhooks
 * Stripe sends about it (or about one made in the Dashboard) all land on the same row, so none counts twice.
 */
export const refunds = pgTable(
  'refunds',
  {
    refundId: text('refund_id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** Stripe's status: `pending`, `succeeded`, `failed`, `canceled` (the last two give nothing back). */
    status: text('status').notNull(),
    reason: text('reason'),
    /** `admin` (the back office) or `stripe` (found through a webhook: the Dashboard, the API). */
    source: text('source').notNull(),
    /** The order lines (by position) and units this refund was for; empty when not known (a Dashboard refund). */
    lines: jsonb('lines').$type<RefundedLine[]>().notNull().default([]),
    /** Whether the refunded units went back on the shelf. */
    restocked: boolean('restocked').notNull().default(false),
    /** The back-office form that asked for it (minted with the form): a form sent twice finds its refund here. */
    requestKey: text('request_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('refunds_order_id_idx').on(table.orderId)],
);

export type RefundedLine = { position: number; quantity: number };

/** Every sign-in attempt at the back office, by client address: failures in a window limit the next ones. */
export const adminLoginAttempts = pgTable(
  'admin_login_attempts',
  {
    id: serial('id').primaryKey(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('admin_login_attempts_address_idx').on(table.address, table.attemptedAt)],
);

/**
 * The shop's emails, rendered once (text and HTML) and kept: without SMTP_URL this is the outbox the back office
 * lists; with it, a row is `pending` until sent, and the `emails` job retries the ones that failed.
 */
export const emails = pgTable(
  'emails',
  {
    id: serial('id').primaryKey(),
    /** One email per event: `order:<id>:confirmation`, `refund:<refund id>`. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    kind: text('kind').notNull(),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** `outbox` (kept locally, no SMTP), `pending` (to send), `sent`, or `failed` (gave up after the retries). */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a sender last claimed it: a claim lasts a few minutes, so two senders never send one email together. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('emails_status_idx').on(table.status, table.createdAt)],
);
