import 'server-only';
import { and, asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import type { Tx } from '@/lib/db/events';
import { inventory, orderLines, orders, refunds, type RefundedLine } from '@/lib/db/schema';

/** Refund statuses that gave nothing back: they count neither in the order's refunded amount nor in its units. */
const GAVE_NOTHING = ['failed', 'canceled'];

export type RefundRow = typeof refunds.$inferSelect;

export type BookedRefund = {
  refundId: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
};

type Booking = {
  orderId: number;
  refund: BookedRefund;
  source: 'admin' | 'stripe';
  lines: RefundedLine[];
  restock: boolean;
  requestKey?: string;
};

/**
 * Books a Stripe refund against an order, once per refund id, in one transaction: a refund made in the back
 * office and the webhooks about it (or a Dashboard refund's webhooks, delivered twice) land on one row. A known
 * refund only takes its new status. The order's refunded amount and state are then summed again from its rows,
 * so they are right whatever came first. Units go back on the shelf only when this call booked the refund and
 * the owner asked for it. Returns whether the refund was new.
 */
export async function bookRefund(
  db: Database,
  { orderId, refund, source, lines, restock, requestKey }: Booking,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(refunds)
      .values({
        refundId: refund.refundId,
        orderId,
        amount: refund.amount,
        currency: refund.currency,
        status: refund.status,
        reason: refund.reason,
        source,
        lines,
        restocked: restock,
        requestKey,
      })
      .onConflictDoNothing({ target: refunds.refundId })
      .returning({ refundId: refunds.refundId });
    if (!inserted) {
      // The webhook may have booked it first (from the same metadata); the form's key is still recorded.
      await tx
        .update(refunds)
        .set({ status: refund.status, ...(requestKey && { requestKey }) })
        .where(eq(refunds.refundId, refund.refundId));
    } else if (restock && !GAVE_NOTHING.includes(refund.status)) {
      await restockLines(tx, orderId, lines);
    }
    await resumOrder(tx, orderId);
    return Boolean(inserted);
  });
}

async function restockLines(tx: Tx, orderId: number, lines: RefundedLine[]): Promise<void> {
  const stored = await tx
    .select({ position: orderLines.position, productId: orderLines.productId })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  for (const line of lines) {
    const productId = stored.find((s) => s.position === line.position)?.productId;
    if (!productId) continue;
    await tx
      .update(inventory)
      .set({ stock: sql`${inventory.stock} + ${line.quantity}`, updatedAt: new Date() })
      .where(eq(inventory.productId, productId));
  }
}

/** The order's refunded amount and state, from its refunds that gave something back. */
async function resumOrder(tx: Tx, orderId: number): Promise<void> {
  const [sum] = await tx
    .select({ refunded: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), notInArray(refunds.status, GAVE_NOTHING)));
  const refunded = sum?.refunded ?? 0;
  await tx
    .update(orders)
    .set({
      amountRefunded: refunded,
      status: sql`case when ${refunded} = 0 then 'paid' when ${refunded} >= ${orders.amountTotal} then 'refunded' else 'partially_refunded' end`,
    })
    .where(eq(orders.id, orderId));
}

/** The order a Stripe refund belongs to: the one it is booked on, else the order paid by that payment. */
export async function orderIdForRefund(
  db: Database,
  refundId: string,
  paymentIntentId: string | null,
): Promise<number | null> {
  const [booked] = await db.select({ orderId: refunds.orderId }).from(refunds).where(eq(refunds.refundId, refundId));
  if (booked) return booked.orderId;
  if (!paymentIntentId) return null;
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.paymentIntentId, paymentIntentId));
  return order?.id ?? null;
}

/** An order's refunds, newest first. */
export async function listOrderRefunds(db: Database, orderId: number): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(desc(refunds.createdAt), asc(refunds.refundId));
}

/** Units refunded so far per line position (refunds that gave something back). */
export function refundedUnitsByLine(rows: readonly RefundRow[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const row of rows) {
    if (GAVE_NOTHING.includes(row.status)) continue;
    for (const line of row.lines) units.set(line.position, (units.get(line.position) ?? 0) + line.quantity);
  }
  return units;
}

/** Marks a plan order's subscription as cancelled by the owner. */
export async function markOrderCanceled(db: Database, orderId: number, at = new Date()): Promise<void> {
  await db.update(orders).set({ canceledAt: at }).where(eq(orders.id, orderId));
}

/** The refund a back-office form already made, if it was sent before. */
export async function refundOfRequest(db: Database, requestKey: string): Promise<RefundRow | null> {
  const [row] = await db.select().from(refunds).where(eq(refunds.requestKey, requestKey));
  return row ?? null;
}
