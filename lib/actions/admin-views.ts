import 'server-only';
import { findProduct } from '@/lib/catalog';
import { database } from '@/lib/db/client';
import { findOrderById, listOrders, type OrderLineRow, type OrderPage, type OrderRow } from '@/lib/db/admin-orders';
import { listOrderRefunds, refundedUnitsByLine, type RefundRow } from '@/lib/db/refunds';
import { listStock, type StockRow } from '@/lib/db/stock-admin';
import { listEmails, type EmailRow } from '@/lib/db/emails';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { retrieveSubscriptionState, type SubscriptionState } from '@/lib/stripe/subscriptions';

// What the back office's pages show, read in one place (pages reach data only through lib/actions).

export const ORDERS_PAGE_SIZE = 20;

export async function adminOrders(query: string, page: number): Promise<OrderPage> {
  return listOrders(await database(), { query, page, pageSize: ORDERS_PAGE_SIZE });
}

export type AdminOrderLine = OrderLineRow & { refundedUnits: number };

export type AdminOrder = {
  order: OrderRow;
  lines: AdminOrderLine[];
  refunds: RefundRow[];
  /** A plan order's subscription as Stripe has it now; null for products, or when Stripe could not be read. */
  subscription: SubscriptionState | null;
};

export async function adminOrder(orderId: number): Promise<AdminOrder | null> {
  const db = await database();
  const found = await findOrderById(db, orderId);
  if (!found) return null;
  const refunds = await listOrderRefunds(db, orderId);
  const units = refundedUnitsByLine(refunds);
  let subscription: SubscriptionState | null = null;
  if (found.order.subscriptionId) {
    // The page still shows the order when Stripe is unreachable; the plan panel says it could not read it.
    subscription = await retrieveSubscriptionState(found.order.subscriptionId).catch((error: unknown) => {
      log.warn('admin.subscription_unreadable', { order: orderId, error });
      return null;
    });
  }
  return {
    order: found.order,
    lines: found.lines.map((line) => ({ ...line, refundedUnits: units.get(line.position) ?? 0 })),
    refunds,
    subscription,
  };
}

export type AdminStockRow = StockRow & { name: string };

export async function adminStock(): Promise<AdminStockRow[]> {
  const rows = await listStock(await database());
  return rows.map((row) => ({ ...row, name: findProduct(row.productId)?.name ?? row.productId }));
}

export type { EmailRow, OrderRow, RefundRow, SubscriptionState, StockRow };

export { parseOrderId as parseAdminOrderId } from '@/lib/admin/order-id';

export type AdminEmails = { emails: EmailRow[]; total: number; pageSize: number; viaSmtp: boolean };

/** The shop's emails, newest first, a page at a time, and whether they go out by SMTP (else they stay here, in the outbox). */
export async function adminEmails(page: number): Promise<AdminEmails> {
  const pageSize = ORDERS_PAGE_SIZE;
  return {
    ...(await listEmails(await database(), { page, pageSize })),
    pageSize,
    viaSmtp: Boolean(env().email.smtpUrl),
  };
}
