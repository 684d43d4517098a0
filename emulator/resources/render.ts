// Every response object leaves through `respond`: a deep copy of what the store holds (so the store
// never shares references with a response), with `expand[]` applied.
import type { RequestCtx } from '../core/context';
import { Expander } from '../core/expand';
import { lineItemsPage, lineItemTaxes } from '../checkout/view';
import { sessionObject } from '../checkout/render-session';

type Json = Record<string, unknown>;

function renderById(ctx: RequestCtx, id: string): Json | undefined {
  const table = ctx.store.tableForId(id);
  if (!table) return undefined;
  if (table === 'checkout.session') {
    const record = ctx.store.get('checkout.session', id);
    return record ? (sessionObject(record) as unknown as Json) : undefined;
  }
  const found = ctx.store.get(table, id);
  return found ? (structuredClone(found) as unknown as Json) : undefined;
}

const expander = new Expander(renderById, {
  'checkout.session': {
    line_items: (ctx, owner) => {
      const record = ctx.store.get('checkout.session', String(owner.id));
      return record ? lineItemsPage(ctx, record) : null;
    },
  },
  item: {
    taxes: (ctx, owner) => {
      for (const record of ctx.store.table('checkout.session').values()) {
        if (record.items.some((i) => i.id === owner.id)) return lineItemTaxes(ctx, owner as { id: string }, record);
      }
      return [];
    },
  },
});

export function respond(ctx: RequestCtx, value: unknown, expand: unknown): Json {
  const copy = structuredClone(value) as Json;
  return expander.apply(ctx, copy, Array.isArray(expand) ? (expand as string[]) : undefined);
}
