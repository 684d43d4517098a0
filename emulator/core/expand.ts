// `expand[]`: replaces ids with the objects they name, along dotted paths (`data.price.product`).
// Some expandable fields are not stored on the object at all (a session's `line_items`, a line item's
// `taxes`): those come from VIRTUAL, computed when asked for, as Stripe includes them only on request.
import { invalid, MSG } from './errors';
import type { RequestCtx } from './context';

type Json = Record<string, unknown>;
export type Renderer = (ctx: RequestCtx, id: string) => Json | undefined;
export type Virtual = (ctx: RequestCtx, owner: Json) => unknown;

const MAX_DEPTH = 4;

export class Expander {
  constructor(
    private readonly render: Renderer,
    private readonly virtual: Record<string, Record<string, Virtual>>,
  ) {}

  apply(ctx: RequestCtx, value: Json, paths: readonly string[] | undefined): Json {
    for (const path of paths ?? []) {
      const parts = path.split('.');
      if (parts.length > MAX_DEPTH) throw invalid(MSG.expandDepth(path), 'expand');
      this.walk(ctx, value, parts, path);
    }
    return value;
  }

  private walk(ctx: RequestCtx, owner: Json, parts: string[], full: string): void {
    const [field, ...rest] = parts;
    if (field === undefined) return;
    const list = owner[field];
    if (Array.isArray(list) && field === 'data') {
      for (const item of list) if (isJson(item)) this.walk(ctx, item, rest, full);
      return;
    }
    let value = owner[field];
    const virtual = this.virtual[String(owner.object)]?.[field];
    if (virtual && (value === undefined || value === null)) value = owner[field] = virtual(ctx, owner);
    else if (typeof value === 'string') value = owner[field] = this.render(ctx, value) ?? value;
    else if (value === undefined) throw invalid(MSG.notExpandable(full), 'expand');
    if (rest.length === 0 || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) if (isJson(item)) this.walk(ctx, item, rest, full);
    } else if (isJson(value)) {
      this.walk(ctx, value, rest, full);
    }
  }
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
