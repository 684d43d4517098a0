// `expand[]`: replaces ids with the objects they name, along dotted paths (`data.price.product`).
// Some expandable fields are not stored on the object at all (a session's `line_items`, a line item's
// `taxes`): those come from VIRTUAL, computed when asked for, as Stripe includes them only on request.
// A virtual field inside a hash that is no object of its own (a session's `total_details.breakdown`)
// is keyed by its dotted path from the nearest object. An id is looked up by its prefix, or by the
// field that holds it where ids carry none (a coupon's id is whatever the account chose: `25OFF`).
import { invalid, MSG } from './errors';
import type { RequestCtx } from './context';

type Json = Record<string, unknown>;
export type Renderer = (ctx: RequestCtx, id: string, field: string) => Json | undefined;
/** `owner` holds the field; `object` is the nearest object around it (the owner itself, or the session of its `total_details`). */
export type Virtual = (ctx: RequestCtx, owner: Json, object: Json) => unknown;

const MAX_DEPTH = 4;

export class Expander {
  constructor(
    private readonly render: Renderer,
    private readonly virtual: Record<string, Record<string, Virtual>>,
  ) {}

  /** The object an id names, as `expand[]` would show it (`field` names the table of ids without a prefix). */
  object(ctx: RequestCtx, id: string, field: string): Json | undefined {
    return this.render(ctx, id, field);
  }

  apply(ctx: RequestCtx, value: Json, paths: readonly string[] | undefined): Json {
    for (const path of paths ?? []) {
      const parts = path.split('.');
      if (parts.length > MAX_DEPTH) throw invalid(MSG.expandDepth(path), 'expand');
      this.walk(ctx, value, parts, path, { type: '', path: '', object: value });
    }
    return value;
  }

  private walk(ctx: RequestCtx, owner: Json, parts: string[], full: string, scope: Scope): void {
    const [field, ...rest] = parts;
    if (field === undefined) return;
    const list = owner[field];
    if (Array.isArray(list) && field === 'data') {
      for (const item of list) if (isJson(item)) this.walk(ctx, item, rest, full, { type: '', path: '', object: item });
      return;
    }
    const here: Scope =
      typeof owner.object === 'string'
        ? { type: owner.object, path: field, object: owner }
        : { ...scope, path: `${scope.path}.${field}` };
    let value = owner[field];
    const virtual = this.virtual[here.type]?.[here.path];
    if (virtual && (value === undefined || value === null)) value = owner[field] = virtual(ctx, owner, here.object);
    else if (typeof value === 'string') value = owner[field] = this.render(ctx, value, field) ?? value;
    else if (value === undefined) throw invalid(MSG.notExpandable(full, owner.object === 'list'), 'expand');
    if (rest.length === 0 || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) if (isJson(item)) this.walk(ctx, item, rest, full, here);
    } else if (isJson(value)) {
      this.walk(ctx, value, rest, full, here);
    }
  }
}

/** Where a walk stands: the nearest object's type, and the dotted path from it. */
type Scope = { type: string; path: string; object: Json };

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
