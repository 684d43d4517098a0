// Line items of create and update, in two phases so a refused request changes nothing:
// `draft*` resolves and checks every item without touching the store, `commitItems` then stores the
// new prices/products of `price_data` and gives new items their `li_` ids.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import type { Params } from '../http/params';
import { mergeMetadata } from '../resources/common';
import { buildPrice } from '../resources/prices';
import { CHECKOUT_MSG as M } from './messages';
import type { AdjustableQuantity, LineItemRecord, SessionRecord } from './session-record';

export type DraftItem = Omit<LineItemRecord, 'id' | 'price'> & {
  id: string | null;
  price: Stripe.Price;
  newProduct: Stripe.Product | null;
  isNewPrice: boolean;
  param: string;
};

const MAX_QUANTITY = 999999;
// Stripe's defaults when adjustable_quantity is enabled without bounds.
const DEFAULT_MIN = 0;
const DEFAULT_MAX = 99;

function resolvePrice(ctx: RequestCtx, p: Params, param: string) {
  if (p.price !== undefined && p.price_data !== undefined) throw invalid(M.priceAndPriceData, `${param}[price]`);
  if (p.price_data !== undefined) {
    const built = buildPrice(ctx, p.price_data as Params, { adHoc: true, prefix: `${param}[price_data]` });
    return { price: built.price, newProduct: built.product, isNewPrice: true };
  }
  const id = p.price as string;
  const price = ctx.store.get('price', id);
  if (!price) throw notFound('price', id, `${param}[price]`);
  if (!price.active) throw invalid(M.priceInactive, `${param}[price]`);
  return { price, newProduct: null, isNewPrice: false };
}

function resolveTaxRates(ctx: RequestCtx, ids: unknown, param: string): string[] {
  if (!Array.isArray(ids)) return [];
  return (ids as string[]).map((id, j) => {
    const rate = ctx.store.get('tax_rate', id);
    if (!rate) throw notFound('tax_rate', id, `${param}[tax_rates][${j}]`);
    if (!rate.active) throw invalid(M.taxRateInactive, `${param}[tax_rates][${j}]`);
    return id;
  });
}

function resolveAdjustable(p: unknown, param: string): AdjustableQuantity | null {
  if (p === undefined) return null;
  const a = p as { enabled: boolean; maximum?: number; minimum?: number };
  if (!a.enabled) return { enabled: false, maximum: null, minimum: null };
  if ((a.maximum ?? DEFAULT_MAX) > MAX_QUANTITY) throw invalid(M.adjustableMax, `${param}[adjustable_quantity][maximum]`);
  if ((a.minimum ?? DEFAULT_MIN) < 0) throw invalid(M.adjustableOrder, `${param}[adjustable_quantity][minimum]`);
  if ((a.minimum ?? DEFAULT_MIN) > (a.maximum ?? DEFAULT_MAX)) {
    throw invalid(M.adjustableOrder, `${param}[adjustable_quantity][minimum]`);
  }
  return { enabled: true, maximum: a.maximum ?? null, minimum: a.minimum ?? null };
}

export function checkQuantityBounds(quantity: number, adjustable: AdjustableQuantity | null, param: string): void {
  if (!adjustable?.enabled) return;
  const min = adjustable.minimum ?? DEFAULT_MIN;
  const max = adjustable.maximum ?? DEFAULT_MAX;
  if (quantity < min || quantity > max) throw invalid(M.quantityOutOfRange(quantity, min, max), `${param}[quantity]`);
}

/** A line item with no `id`: create, or an addition on update. */
export function draftNewItem(ctx: RequestCtx, p: Params, param: string): DraftItem {
  if (p.price === undefined && p.price_data === undefined) throw invalid(M.newItemNeedsPrice(param), `${param}[price]`);
  const resolved = resolvePrice(ctx, p, param);
  if (p.quantity === undefined) throw invalid(M.quantityRequired(param), `${param}[quantity]`, 'parameter_missing');
  const adjustable = resolveAdjustable(p.adjustable_quantity, param);
  checkQuantityBounds(p.quantity as number, adjustable, param);
  return {
    ...resolved,
    id: null,
    param,
    quantity: p.quantity as number,
    tax_rates: resolveTaxRates(ctx, p.tax_rates, param),
    adjustable_quantity: adjustable,
    metadata: p.metadata && p.metadata !== '' ? mergeMetadata({}, p.metadata) : null,
  };
}

/** The retransmitted array of an update (API-NOTES §4): keep, update, add, remove by omission, reorder. */
export function draftRetransmitted(ctx: RequestCtx, record: SessionRecord, items: Params[]): DraftItem[] {
  const current = new Map(record.items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  return items.map((p, i) => {
    const param = `line_items[${i}]`;
    if (p.id === undefined) return draftNewItem(ctx, p, param);
    const id = p.id as string;
    const existing = current.get(id);
    if (!existing) throw invalid(M.unknownItem(id), `${param}[id]`);
    if (seen.has(id)) throw invalid(M.repeatedItem(id), `${param}[id]`);
    seen.add(id);
    const changesPrice = p.price !== undefined || p.price_data !== undefined;
    const resolved = changesPrice
      ? resolvePrice(ctx, p, param)
      : { price: ctx.store.get('price', existing.price) as Stripe.Price, newProduct: null, isNewPrice: false };
    const adjustable = p.adjustable_quantity === undefined ? existing.adjustable_quantity : resolveAdjustable(p.adjustable_quantity, param);
    const quantity = (p.quantity as number | undefined) ?? existing.quantity;
    checkQuantityBounds(quantity, adjustable, param);
    const metadata = p.metadata === undefined ? existing.metadata : p.metadata === '' ? null : mergeMetadata(existing.metadata, p.metadata);
    return {
      ...resolved,
      id,
      param,
      quantity,
      tax_rates: p.tax_rates === undefined ? existing.tax_rates : resolveTaxRates(ctx, p.tax_rates, param),
      adjustable_quantity: adjustable,
      metadata,
    };
  });
}

/** Rules on the whole set (API-NOTES §4); returns the session currency. */
export function checkItemSet(items: DraftItem[], mode: Stripe.Checkout.Session.Mode): string {
  if (items.length === 0) throw invalid(M.atLeastOneItem, 'line_items');
  if (items.length > 100) throw invalid(M.tooManyItems, 'line_items');
  const currency = items[0]?.price.currency ?? 'usd';
  for (const item of items) {
    if (item.price.currency !== currency) throw invalid(M.currencyMismatch(currency, item.price.currency), `${item.param}[price]`);
  }
  const recurring = items.filter((i) => i.price.recurring);
  if (mode === 'payment' && recurring[0]) throw invalid(M.recurringInPayment, `${recurring[0].param}[price]`);
  if (mode === 'subscription') {
    if (recurring.length === 0) throw invalid(M.noRecurringInSubscription, 'line_items');
    if (recurring.length > 20) throw invalid(M.tooManySubscriptionItems('recurring'), 'line_items');
    if (items.length - recurring.length > 20) throw invalid(M.tooManySubscriptionItems('one-time'), 'line_items');
    const key = (i: DraftItem) => `${i.price.recurring?.interval}/${i.price.recurring?.interval_count}`;
    const odd = recurring.find((i) => key(i) !== key(recurring[0] as DraftItem));
    if (odd) throw invalid(M.mixedIntervals, `${odd.param}[price]`);
  }
  return currency;
}

export function commitItems(ctx: RequestCtx, drafts: DraftItem[]): LineItemRecord[] {
  return drafts.map((d) => {
    if (d.newProduct) ctx.store.put('product', d.newProduct.id, d.newProduct);
    if (d.isNewPrice) ctx.store.put('price', d.price.id, d.price);
    return {
      id: d.id ?? newId('li'),
      price: d.price.id,
      quantity: d.quantity,
      tax_rates: d.tax_rates,
      adjustable_quantity: d.adjustable_quantity,
      metadata: d.metadata,
    };
  });
}
