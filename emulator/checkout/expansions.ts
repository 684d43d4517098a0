// What `expand[]` needs to know about Checkout Sessions: a stored session record renders as the
// session object, `line_items` and `total_details.breakdown` of a session and `taxes` / `discounts` of a
// line item exist only when expanded.
import type { RequestCtx } from '../core/context';
import type { SessionRecord } from '../core/session-record';
import type { Expansions } from '../core/respond';
import { showCoupon } from '../resources/coupons';
import { sessionObject } from './render-session';
import { lineItemDiscounts, lineItemsPage, lineItemTaxes, sessionBreakdown } from './view';

export const checkoutExpansions: Expansions = {
  render: {
    // A coupon shows `valid` as of now, as its retrieve does.
    coupon: (ctx, id) => {
      const coupon = ctx.store.get('coupon', id);
      return coupon ? { ...showCoupon(ctx, coupon) } : undefined;
    },
    'checkout.session': (ctx, id) => {
      const record = ctx.store.get('checkout.session', id);
      return record ? { ...sessionObject(record) } : undefined;
    },
  },
  virtual: {
    'checkout.session': {
      line_items: (ctx, owner) => {
        const record = ctx.store.get('checkout.session', String(owner.id));
        return record ? lineItemsPage(ctx, record) : null;
      },
      'total_details.breakdown': (ctx, _owner, session) => {
        const record = ctx.store.get('checkout.session', String(session.id));
        return record ? sessionBreakdown(ctx, record) : null;
      },
    },
    // Includable only: what a coupon applies to and its amounts in other currencies, from the stored coupon.
    coupon: {
      applies_to: (ctx, owner) => ctx.store.get('coupon', String(owner.id))?.applies_to ?? null,
      currency_options: (ctx, owner) => ctx.store.get('coupon', String(owner.id))?.currency_options ?? null,
    },
    item: {
      taxes: (ctx, owner) => {
        const record = sessionOfItem(ctx, String(owner.id));
        return record ? lineItemTaxes(ctx, String(owner.id), record) : [];
      },
      discounts: (ctx, owner) => {
        const record = sessionOfItem(ctx, String(owner.id));
        return record ? lineItemDiscounts(ctx, String(owner.id), record) : [];
      },
    },
  },
};

function sessionOfItem(ctx: RequestCtx, itemId: string): SessionRecord | undefined {
  for (const record of ctx.store.table('checkout.session').values()) {
    if (record.items.some((item) => item.id === itemId)) return record;
  }
  return undefined;
}
