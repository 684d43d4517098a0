import 'server-only';
import { sql } from 'drizzle-orm';
import type { ProductLine } from '@/lib/checkout/product-line';
import type { Database } from '@/lib/db/client';
import { leaseUpsert } from '@/lib/db/leases';
import { rowsOf } from '@/lib/db/raw';
import { cartLines, carts, checkouts, holds, inventory, leases } from '@/lib/db/schema';

// The database side of one change to a Checkout Session (lib/actions/checkout-pipeline.ts), in round trips that
// each are one statement: no transaction, lock or connection is held while Stripe is called.
//   begin:  take the session's lease and read what it may hold               (1)
//   hold:   hold the larger of before and after, checked (lib/db/inventory)   (2)
//   settle: set the holds to what Stripe holds, write the cart, give back the lease (3)

/** The lease that serialises one session's changes (two tabs): its key. */
export const sessionLeaseKey = (sessionId: string) => `checkout:${sessionId}`;

export type ChangeStart = {
  /** False when another request holds the session's lease: nothing was read for this one. */
  acquired: boolean;
  /** Units of each product this session may hold: stock less the other checkouts' unexpired holds. */
  available: Map<string, number>;
  /** The browser's cart, when this checkout was made from it: edits at checkout write through to it. */
  cartOwner: string | null;
};

/** Takes the session's lease and, in the same statement, reads what it may hold of every product. */
export async function beginChange(
  db: Database,
  request: { sessionId: string; holder: string; leaseMs: number; now?: Date },
): Promise<ChangeStart> {
  const { sessionId, holder, leaseMs, now = new Date() } = request;
  const at = now.toISOString();
  const [row] = rowsOf<{ acquired: number; available: Record<string, number> | string; cart_owner: string | null }>(
    await db.execute(sql`
      with lease as (${leaseUpsert(sessionLeaseKey(sessionId), holder, new Date(now.getTime() + leaseMs), now)})
      select (select count(*) from lease)::int as acquired,
        (select coalesce(jsonb_object_agg(i.product_id, i.stock - coalesce((
            select sum(h.quantity) from ${holds} h
            where h.product_id = i.product_id and h.reservation_id <> ${sessionId} and h.expires_at > ${at}::timestamptz), 0)), '{}'::jsonb)
          from ${inventory} i) as available,
        (select c.owner_tag from ${checkouts} c where c.session_id = ${sessionId} and c.source = 'cart') as cart_owner`),
  );
  const available =
    typeof row?.available === 'string' ? (JSON.parse(row.available) as Record<string, number>) : (row?.available ?? {});
  return {
    acquired: Number(row?.acquired ?? 0) > 0,
    available: new Map(Object.entries(available).map(([id, units]) => [id, Number(units)])),
    cartOwner: row?.cart_owner ?? null,
  };
}

/** Gives the session's lease back without changing anything (nothing to send, or a refusal before Stripe). */
export async function abandonChange(db: Database, sessionId: string, holder: string): Promise<void> {
  await db.execute(sql`delete from ${leases} where key = ${sessionLeaseKey(sessionId)} and holder = ${holder}`);
}

const linesJson = (lines: readonly ProductLine[]) =>
  JSON.stringify(
    lines.filter((line) => line.quantity > 0).map((line) => ({ product_id: line.productId, quantity: line.quantity })),
  );

/**
 * Ends a change in one statement: the session's holds become exactly `holds` (what Stripe now holds: the change,
 * or the old lines after a refusal), the buyer's cart becomes `cart` when the checkout was made from it (edits at
 * checkout write through), and the lease is given back. Holds only fall here (or stay): the in-flight hold was the
 * larger of before and after, so nothing needs a stock check.
 */
export async function settleChange(
  db: Database,
  request: {
    sessionId: string;
    holder: string;
    holds: readonly ProductLine[] | null;
    expiresAt: Date;
    cart?: { ownerTag: string; lines: readonly ProductLine[] };
  },
): Promise<void> {
  const { sessionId, holder, expiresAt, cart } = request;
  const held = request.holds === null ? null : linesJson(request.holds);
  const wanted = cart ? linesJson(cart.lines) : null;
  await db.execute(sql`
    with
    ${
      held === null
        ? sql``
        : sql`
      held_set as (
        insert into ${holds} (reservation_id, session_id, product_id, quantity, expires_at)
        select ${sessionId}, ${sessionId}, w.product_id, w.quantity, ${expiresAt.toISOString()}::timestamptz
        from jsonb_to_recordset(${held}::jsonb) as w(product_id text, quantity integer)
        on conflict (reservation_id, product_id) do update set quantity = excluded.quantity
        returning 1),
      held_gone as (
        delete from ${holds} where reservation_id = ${sessionId}
          and product_id not in (select w.product_id from jsonb_to_recordset(${held}::jsonb) as w(product_id text, quantity integer))
        returning 1),`
    }
    ${
      cart === undefined
        ? sql``
        : sql`
      cart_row as (
        insert into ${carts} (owner_tag) values (${cart.ownerTag})
        on conflict (owner_tag) do update set updated_at = now()
        returning owner_tag),
      cart_gone as (
        delete from ${cartLines} where owner_tag = ${cart.ownerTag}
          and product_id not in (select w.product_id from jsonb_to_recordset(${wanted}::jsonb) as w(product_id text, quantity integer))
        returning 1),
      cart_set as (
        insert into ${cartLines} (owner_tag, product_id, quantity)
        select (select owner_tag from cart_row), w.product_id, w.quantity
        from jsonb_to_recordset(${wanted}::jsonb) as w(product_id text, quantity integer)
        on conflict (owner_tag, product_id) do update set quantity = excluded.quantity
        returning 1),`
    }
    lease_gone as (delete from ${leases} where key = ${sessionLeaseKey(sessionId)} and holder = ${holder} returning 1)
    select 1`);
}
