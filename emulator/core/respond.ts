// Every response object leaves through `respond`: a deep copy of what the store holds (so the store
// never shares references with a response), with `expand[]` applied. What a table renders as, and the
// fields computed only when expanded, are given by the layers above (see checkout/expansions.ts).
import type { RequestCtx } from './context';
import { Expander, type Virtual } from './expand';
import type { TableName } from './store';
import { shapeForVersion } from './version-shapes';

type Json = Record<string, unknown>;

export type Expansions = {
  /** Tables whose stored record is not the API object (a session record renders as a session). */
  render: Partial<Record<TableName, (ctx: RequestCtx, id: string) => Json | undefined>>;
  /** Fields computed only when expanded, by object type. */
  virtual: Record<string, Record<string, Virtual>>;
};

export function createExpander(expansions: Expansions): Expander {
  const renderById = (ctx: RequestCtx, id: string, field: string): Json | undefined => {
    const table = ctx.store.tableForId(id, field);
    if (!table) return undefined;
    const render = expansions.render[table];
    if (render) return render(ctx, id);
    const found = ctx.store.get(table, id);
    // A stored Stripe object is plain JSON data; the copy is handed out as such.
    return found ? (structuredClone(found) as unknown as Json) : undefined;
  };
  return new Expander(renderById, expansions.virtual);
}

export function respond(ctx: RequestCtx, value: unknown, expand: readonly string[] | undefined): Json {
  // Every value handed here is an API object or a list page: a JSON object.
  const copy = structuredClone(value) as Json;
  // Shaped before expanding (so `expand[]` names the version's own paths) and after (for what expanding brought in).
  shapeForVersion(ctx, copy);
  const expanded = ctx.expander.apply(ctx, copy, expand);
  shapeForVersion(ctx, expanded);
  return expanded;
}
