// The store's tables. Changed only through drizzle-kit: edit this file, `npm run db:generate`, commit the SQL.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

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

export type ShippingDetails = { name: string | null; address: Record<string, string | null> | null };

/** One paid checkout: exactly one row per Checkout Session, however often Stripe delivers its events. */
export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  sessionId: text('session_id').notNull().unique(),
  paymentStatus: text('payment_status').notNull(),
  currency: text('currency').notNull(),
  amountTotal: integer('amount_total').notNull(),
  amountShipping: integer('amount_shipping').notNull(),
  amountTax: integer('amount_tax').notNull().default(0),
  /** What the session's discount (a promotion code, the loyalty discount) took off; 0 without one. */
  amountDiscount: integer('amount_discount').notNull().default(0),
  email: text('email'),
  shipping: jsonb('shipping').$type<ShippingDetails | null>(),
  /** The tag of the browser that made the checkout: the return page shows the receipt to that browser only. */
  bindingTag: text('binding_tag'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
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
 * A browser's cart, keyed by the binding tag of its cookie token (lib/checkout/session-binding.ts), never the
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
  (table) => [primaryKey({ columns: [table.ownerTag, table.productId] }), check('cart_lines_quantity_positive', sql`${table.quantity} > 0`)],
);
