import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/client';
import { emptyCart } from '@/lib/db/carts';
import { claimEvent } from '@/lib/db/events';
import { holds, inventory, orderLines, orders } from '@/lib/db/schema';

export type StoredOrder = CheckoutReceipt & { orderId: number };
type StripeEvent = { eventId: string; eventType: string };

/**
 * Records a paid checkout, in one transaction: the event id, one order per session (unique on the session
 * id) with its lines, the session's holds turned into sales (stock decremented, holds gone), and the buyer's
 * cart emptied. Returns the new order id, or null when the event was already processed or the session already has its order.
 * Any failure rolls the whole of it back, so Stripe's retry finds nothing half-done.
 */
export async function recordPaidOrder(db: Database, { eventId, eventType }: StripeEvent, receipt: CheckoutReceipt): Promise<number | null> {
  return db.transaction(async (tx) => {
    if (!(await claimEvent(tx, eventId, eventType))) return null;
    const [order] = await tx
      .insert(orders)
      .values({
        sessionId: receipt.id,
        paymentStatus: receipt.paymentStatus,
        currency: receipt.currency,
        amountTotal: receipt.amountTotal,
        amountShipping: receipt.amountShipping,
        amountTax: receipt.amountTax,
        amountDiscount: receipt.amountDiscount,
        email: receipt.email,
        shipping: receipt.shipping,
        bindingTag: receipt.bindingTag,
      })
      .onConflictDoNothing({ target: orders.sessionId })
      .returning({ id: orders.id });
    if (!order) return null;
    if (receipt.items.length > 0) {
      await tx.insert(orderLines).values(
        receipt.items.map((item, position) => ({
          orderId: order.id,
          position,
          description: item.description,
          quantity: item.quantity,
          amountTotal: item.amountTotal,
          interval: item.interval,
        })),
      );
    }
    const sold = await tx.delete(holds).where(eq(holds.sessionId, receipt.id)).returning({ productId: holds.productId, quantity: holds.quantity });
    // In product id order, as placeHolds locks, so a sale and a new hold never wait on each other in a circle.
    for (const { productId, quantity } of sold.sort((a, b) => a.productId.localeCompare(b.productId))) {
      await tx
        .update(inventory)
        .set({ stock: sql`${inventory.stock} - ${quantity}`, updatedAt: new Date() })
        .where(eq(inventory.productId, productId));
    }
    // Paying for products empties the buyer's cart (keyed by the same binding tag the session carries); a plan,
    // which never comes from the cart and sells no stock, leaves it alone.
    if (receipt.bindingTag && sold.length > 0) await emptyCart(tx, receipt.bindingTag);
    return order.id;
  });
}

/** Releases a session's holds (it expired, or its payment failed), once per event. */
export async function releaseSessionHolds(db: Database, { eventId, eventType }: StripeEvent, sessionId: string): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await claimEvent(tx, eventId, eventType))) return 0;
    const released = await tx.delete(holds).where(eq(holds.sessionId, sessionId)).returning({ quantity: holds.quantity });
    return released.length;
  });
}

/** A session's recorded order with its lines, as the return page shows it; null before the webhook has run. */
export async function findOrder(db: Database, sessionId: string): Promise<StoredOrder | null> {
  const [order] = await db.select().from(orders).where(eq(orders.sessionId, sessionId));
  if (!order) return null;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position));
  return {
    orderId: order.id,
    id: order.sessionId,
    status: 'complete',
    paymentStatus: order.paymentStatus,
    currency: order.currency,
    amountTotal: order.amountTotal,
    amountShipping: order.amountShipping,
    amountTax: order.amountTax,
    amountDiscount: order.amountDiscount,
    email: order.email,
    shipping: order.shipping ?? null,
    bindingTag: order.bindingTag,
    items: lines.map((line) => ({ description: line.description, quantity: line.quantity, amountTotal: line.amountTotal, interval: line.interval })),
  };
}

/** Every order of a session (tests read the state back with it: exactly one, however often the event came). */
export async function countOrders(db: Database, sessionId: string): Promise<number> {
  const rows = await db.select({ id: orders.id }).from(orders).where(eq(orders.sessionId, sessionId));
  return rows.length;
}
