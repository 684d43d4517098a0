import 'server-only';
import { asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { orderLines, orders } from '@/lib/db/schema';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

export type OrderPage = { orders: OrderRow[]; total: number; page: number; pageSize: number };

/** `#12` or `12` finds order 12; anything else is matched inside the email, in any case. */
function searchCondition(query: string): SQL | undefined {
  const text = query.trim();
  if (!text) return undefined;
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  const email = ilike(orders.email, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return number ? or(eq(orders.id, Number(number)), email) : email;
}

/** Orders newest first, a page at a time, optionally searched by order number or email. */
export async function listOrders(
  db: Database,
  { query = '', page = 1, pageSize = 20 }: { query?: string; page?: number; pageSize?: number },
): Promise<OrderPage> {
  const where = searchCondition(query);
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(orders).where(where);
  return { orders: rows, total: total?.n ?? 0, page, pageSize };
}

/** One order with its lines in the order Stripe listed them; null when there is no such order. */
export async function findOrderById(
  db: Database,
  orderId: number,
): Promise<{ order: OrderRow; lines: OrderLineRow[] } | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
  return { order, lines };
}
