// What `expand[]` needs to know about Checkout Sessions: a stored session record renders as the
// session object, `line_items` of a session and `taxes` of a line item exist only when expanded.
import type { Expansions } from '../core/respond';
import { sessionObject } from './render-session';
import { lineItemsPage, lineItemTaxes } from './view';

export const checkoutExpansions: Expansions = {
  render: {
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
    },
    item: {
      taxes: (ctx, owner) => {
        for (const record of ctx.store.table('checkout.session').values()) {
          if (record.items.some((item) => item.id === owner.id)) return lineItemTaxes(ctx, String(owner.id), record);
        }
        return [];
      },
    },
  },
};
