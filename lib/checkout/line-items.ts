// What a Checkout Session's line items become after a buyer action, as the array Stripe expects back.
import { AppError } from '@/lib/errors';

// Stripe's rule (retransmit the entire array): keep an item with its `id`; update it with its `id` and the
// changed fields; add one with `price` and `quantity` and no `id`; remove one by leaving it out; reorder by
// placing its `id` at the new position.

/** A line as Stripe holds it; `lookupKey` is its price's (how the catalog names it), null for a price we did not make. */
export type SessionLine = {
  id: string;
  priceId: string;
  quantity: number;
  lookupKey?: string | null;
  taxRateIds?: readonly string[];
  /** The price's amount per unit (minor units): a server-priced line (the contribution) is compared by it. */
  unitAmount?: number | null;
  /** The line item's own metadata: how a line the catalog does not price is recognised (lib/checkout/contribution.ts). */
  metadata?: Readonly<Record<string, string>> | null;
};

export type LineChange =
  | { kind: 'add'; priceId: string; quantity: number }
  | { kind: 'set_quantity'; id: string; quantity: number }
  /** A new item in the old one's place, with its quantity: how Stripe's own sample swaps a price. */
  | { kind: 'replace'; id: string; priceId: string }
  | { kind: 'remove'; id: string }
  | { kind: 'move'; id: string; index: number };

/** One element of `line_items` in a session update: the SDK's `Checkout.SessionUpdateParams.LineItem`, narrowed. */
export type LineItemParam = (
  | { id: string; quantity?: number }
  | { price: string; quantity: number }
  /** A line the server prices itself (the contribution): Stripe makes a one-off price for it. */
  | {
      price_data: { currency: string; unit_amount: number; product_data: { name: string } };
      quantity: number;
      metadata: Record<string, string>;
    }
) & { tax_rates?: string[] | '' };

/** The resulting cart: an item is new until Stripe gives it an id. */
export type PlannedLine = { id: string | null; priceId: string; quantity: number };

/** A change the rules refuse; a 400 for the buyer, with the detail in the log. */
export class LineItemRuleError extends AppError {
  constructor(message: string) {
    super('line_item_rule', 400, message);
  }
}

export const MAX_LINE_ITEMS = 100;
export const MAX_QUANTITY = 999_999;

type Draft = PlannedLine & { changed: { quantity?: number } };

export function planLineItems(current: readonly SessionLine[], changes: readonly LineChange[]) {
  const seen = new Set<string>();
  let draft: Draft[] = current.map((line) => {
    if (seen.has(line.id)) throw new LineItemRuleError(`Line item ${line.id} appears twice`);
    seen.add(line.id);
    return { ...line, changed: {} };
  });
  const find = (id: string) => {
    const line = draft.find((candidate) => candidate.id === id);
    if (!line) throw new LineItemRuleError(`No line item ${id} in this session`);
    return line;
  };

  for (const change of changes) {
    switch (change.kind) {
      case 'add': {
        checkQuantity(change.quantity);
        draft.push({ id: null, priceId: change.priceId, quantity: change.quantity, changed: {} });
        break;
      }
      case 'set_quantity': {
        checkQuantity(change.quantity);
        const line = find(change.id);
        line.quantity = change.quantity;
        line.changed.quantity = change.quantity;
        break;
      }
      case 'replace': {
        const line = find(change.id);
        const replacement: Draft = { id: null, priceId: change.priceId, quantity: line.quantity, changed: {} };
        draft = draft.map((candidate) => (candidate === line ? replacement : candidate));
        break;
      }
      case 'remove': {
        const line = find(change.id);
        draft = draft.filter((candidate) => candidate !== line);
        break;
      }
      case 'move': {
        const line = find(change.id);
        const rest = draft.filter((candidate) => candidate !== line);
        const index = Math.max(0, Math.min(change.index, rest.length));
        draft = [...rest.slice(0, index), line, ...rest.slice(index)];
        break;
      }
    }
  }
  if (draft.length === 0) throw new LineItemRuleError('A checkout needs at least one line item');
  if (draft.length > MAX_LINE_ITEMS)
    throw new LineItemRuleError(`A checkout holds at most ${MAX_LINE_ITEMS} line items`);

  const params: LineItemParam[] = draft.map(({ id, priceId, quantity, changed }) =>
    id === null ? { price: priceId, quantity } : { id, ...changed },
  );
  const lines: PlannedLine[] = draft.map(({ id, priceId, quantity }) => ({ id, priceId, quantity }));
  return { params, lines };
}

function checkQuantity(quantity: number) {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new LineItemRuleError(`Quantity must be a whole number from 1 to ${MAX_QUANTITY}`);
  }
}

/** True when a session's lines are the planned ones (same prices, quantities and order; kept ids kept). */
export function linesMatch(actual: readonly SessionLine[], planned: readonly PlannedLine[]): boolean {
  return (
    actual.length === planned.length &&
    planned.every((line, index) => {
      const seen = actual[index]!;
      return (
        seen.priceId === line.priceId && seen.quantity === line.quantity && (line.id === null || line.id === seen.id)
      );
    })
  );
}
