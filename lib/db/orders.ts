import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { ShippingDetails } from '@/lib/checkout/shipping-address';
import type { CheckoutReceipt } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/client';
import { claimEvent } from '@/lib/db/events';
import { cartLines, checkouts, holds, inventory, orderLines, orders, type StoredShipping } from '@/lib/db/schema';

export type StoredOrder = CheckoutReceipt & { orderId: number; recordedBy: OrderRecorder; createdAt: Date };

/** The paths that record a paid checkout; whichever comes first records it, the others find it recorded. */
export type OrderRecorder = 'webhook' | 'return_page' | 'reconcile';

/** A product whose stock went below zero with this order: a sale no hold covered (logged loudly by the caller). */
export type Shortfall = { productId: string; stock: number };

export type RecordedOrder = { orderId: number; shortfalls: Shortfall[] };

type Recording = { recordedBy: OrderRecorder; event?: { eventId: string; eventType: string } };

/**
 * Records a paid checkout, exactly once per session, in one transaction: the event id (when a webhook brought
 * it), the order with its lines as Stripe charged them, stock taken by the quantities charged (not by the
 * holds, which an update that reached Stripe without its holds could have left short), the session's holds
 * deleted, each of the buyer's cart lines lowered by what was paid for it (a line added after Pay stays), and
 * the checkout marked complete. Returns null when the order (or the event) was already recorded. Stock that
 * falls below zero is still sold (the buyer has paid): the shortfall comes back for the caller to log.
 * Any failure rolls the whole of it back, so the next path (a webhook retry, the reconciler) finds nothing half-done.
 */
export async function recordPaidOrder(
  db: Database,
  receipt: CheckoutReceipt,
  { recordedBy, event }: Recording,
): Promise<RecordedOrder | null> {
  return db.transaction(async (tx) => {
    if (event && !(await claimEvent(tx, event.eventId, event.eventType))) return null;
    const [order] = await tx
      .insert(orders)
      .values({
        sessionId: receipt.id,
        mode: receipt.mode,
        paymentStatus: receipt.paymentStatus,
        currency: receipt.currency,
        amountSubtotal: receipt.amountSubtotal,
        amountTotal: receipt.amountTotal,
        amountShipping: receipt.amountShipping,
        amountTax: receipt.amountTax,
        amountDiscount: receipt.amountDiscount,
        shippingMethod: receipt.shippingMethod,
        taxRate: receipt.taxRate,
        email: receipt.email,
        shipping: receipt.shipping,
        bindingTag: receipt.bindingTag,
        paymentIntentId: receipt.paymentIntentId,
        subscriptionId: receipt.subscriptionId,
        recordedBy,
      })
      .onConflictDoNothing({ target: orders.sessionId })
      .returning({ id: orders.id });
    if (!order) return null;
    if (receipt.items.length > 0) {
      await tx
        .insert(orderLines)
        .values(receipt.items.map((item, position) => ({ orderId: order.id, position, ...item })));
    }
    await tx.delete(holds).where(eq(holds.sessionId, receipt.id));
    const sold = soldQuantities(receipt);
    const shortfalls: Shortfall[] = [];
    // In product id order, as holds lock inventory rows, so a sale and a new hold never wait on each other in a circle.
    for (const [productId, quantity] of sold) {
      const [row] = await tx
        .update(inventory)
        .set({ stock: sql`${inventory.stock} - ${quantity}`, updatedAt: new Date() })
        .where(eq(inventory.productId, productId))
        .returning({ stock: inventory.stock });
      if (row && row.stock < 0) shortfalls.push({ productId, stock: row.stock });
    }
    if (receipt.bindingTag && sold.size > 0) await lowerCartLines(tx, receipt.bindingTag, sold);
    await tx.update(checkouts).set({ status: 'complete' }).where(eq(checkouts.sessionId, receipt.id));
    return { orderId: order.id, shortfalls };
  });
}

/** Units charged per catalog product, in product id order. */
function soldQuantities(receipt: CheckoutReceipt): Map<string, number> {
  const sold = new Map<string, number>();
  for (const item of receipt.items)
    if (item.productId) sold.set(item.productId, (sold.get(item.productId) ?? 0) + item.quantity);
  return new Map([...sold].sort(([a], [b]) => a.localeCompare(b)));
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Each cart line falls by the quantity paid for it; a line at 0 goes. */
async function lowerCartLines(tx: Tx, ownerTag: string, sold: ReadonlyMap<string, number>): Promise<void> {
  for (const [productId, quantity] of sold) {
    const line = and(eq(cartLines.ownerTag, ownerTag), eq(cartLines.productId, productId));
    await tx.delete(cartLines).where(and(line, lte(cartLines.quantity, quantity)));
    await tx
      .update(cartLines)
      .set({ quantity: sql`${cartLines.quantity} - ${quantity}` })
      .where(line);
  }
}

/** Releases a session's holds (it expired, or its payment failed), once per event, and marks it ended. */
export async function releaseSessionHolds(
  db: Database,
  { eventId, eventType }: { eventId: string; eventType: string },
  sessionId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await claimEvent(tx, eventId, eventType))) return 0;
    const released = await tx
      .delete(holds)
      .where(eq(holds.sessionId, sessionId))
      .returning({ quantity: holds.quantity });
    await tx
      .update(checkouts)
      .set({ status: 'expired' })
      .where(and(eq(checkouts.sessionId, sessionId), eq(checkouts.status, 'open')));
    return released.length;
  });
}

/** An order row's stored shipping as ours. */
function shippingOfRow(stored: StoredShipping | null): ShippingDetails | null {
  if (!stored?.address) return null;
  const { line1, line2, city, state, postalCode, country } = stored.address;
  return {
    name: stored.name ?? '',
    address: {
      line1: line1 ?? '',
      line2: line2 ?? null,
      city: city ?? '',
      state: state ?? null,
      postalCode: postalCode ?? '',
      country: country ?? '',
    },
  };
}

/** A session's recorded order with its lines, as the return page shows it; null before any path has recorded it. */
export async function findOrder(db: Database, sessionId: string): Promise<StoredOrder | null> {
  const [order] = await db.select().from(orders).where(eq(orders.sessionId, sessionId));
  if (!order) return null;
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.position));
  return {
    orderId: order.id,
    recordedBy: order.recordedBy as OrderRecorder,
    createdAt: order.createdAt,
    id: order.sessionId,
    status: 'complete',
    mode: order.mode,
    paymentStatus: order.paymentStatus,
    currency: order.currency,
    amountSubtotal: order.amountSubtotal,
    amountTotal: order.amountTotal,
    amountShipping: order.amountShipping,
    amountTax: order.amountTax,
    amountDiscount: order.amountDiscount,
    shippingMethod: order.shippingMethod,
    taxRate: order.taxRate ?? null,
    email: order.email,
    shipping: shippingOfRow(order.shipping),
    bindingTag: order.bindingTag,
    paymentIntentId: order.paymentIntentId,
    subscriptionId: order.subscriptionId,
    items: lines.map(
      ({ productId, description, quantity, amountSubtotal, amountDiscount, amountTax, amountTotal, interval }) => ({
        productId,
        description,
        quantity,
        amountSubtotal,
        amountDiscount,
        amountTax,
        amountTotal,
        interval,
      }),
    ),
  };
}

/** Every order of a session (tests read the state back with it: exactly one, however often the event came). */
export async function countOrders(db: Database, sessionId: string): Promise<number> {
  const rows = await db.select({ id: orders.id }).from(orders).where(eq(orders.sessionId, sessionId));
  return rows.length;
}
