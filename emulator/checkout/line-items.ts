// Line items of create and update, in two phases so a refused request changes nothing:
// `draft*` resolves and checks every item without touching the store, `commitItems` then stores the
// new prices/products of `price_data` and gives new items their `li_` ids.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { exclusive, invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import type { AdjustableQuantity, LineItemRecord, SessionRecord } from '../core/session-record';
import { mergeMetadata } from '../resources/common';
import { buildPrice } from '../resources/prices';
import { CHECKOUT_MSG } from './messages';
import { MAX_QUANTITY, type AdjustableParams, type LineItemParams } from './params';
import { storedPrice } from './stored';

export type DraftItem = Omit<LineItemRecord, 'id' | 'price'> & {
  id: string | null;
  price: Stripe.Price;
  newProduct: Stripe.Product | null;
  isNewPrice: boolean;
  param: string;
};

// Stripe's defaults when adjustable_quantity is enabled without bounds.
const DEFAULT_MIN = 0;
const DEFAULT_MAX = 99;

type Resolved = { price: Stripe.Price; newProduct: Stripe.Product | null; isNewPrice: boolean };

function resolvePrice(ctx: RequestCtx, item: LineItemParams, param: string): Resolved {
  if (item.price !== undefined && item.price_data !== undefined)
    throw exclusive(CHECKOUT_MSG.priceAndPriceData, `${param}[price]`);
  if (item.price_data !== undefined) {
    const built = buildPrice(ctx, item.price_data, { adHoc: true, prefix: `${param}[price_data]` });
    return { price: built.price, newProduct: built.product, isNewPrice: true };
  }
  if (item.price === undefined) throw invalid(CHECKOUT_MSG.newItemNeedsPrice(param), `${param}[price]`);
  const id = item.price;
  const price = ctx.store.get('price', id);
  if (!price) throw notFound('price', id, `${param}[price]`);
  if (!price.active) throw invalid(CHECKOUT_MSG.priceInactive, `${param}[price]`);
  return { price, newProduct: null, isNewPrice: false };
}

function resolveTaxRates(ctx: RequestCtx, ids: string[] | '' | undefined, param: string): string[] {
  if (!ids) return [];
  return ids.map((id, j) => {
    const rate = ctx.store.get('tax_rate', id);
    if (!rate) throw notFound('tax rate', id, `${param}[tax_rates][${j}]`);
    if (!rate.active) throw invalid(CHECKOUT_MSG.taxRateInactive, `${param}[tax_rates][${j}]`);
    return id;
  });
}

function resolveAdjustable(adjustable: AdjustableParams | undefined, param: string): AdjustableQuantity | null {
  if (adjustable === undefined) return null;
  const a = adjustable;
  if (!a.enabled) return { enabled: false, maximum: null, minimum: null };
  if ((a.maximum ?? DEFAULT_MAX) > MAX_QUANTITY)
    throw invalid(CHECKOUT_MSG.adjustableMax(MAX_QUANTITY), `${param}[adjustable_quantity][maximum]`);
  if ((a.minimum ?? DEFAULT_MIN) < 0)
    throw invalid(CHECKOUT_MSG.adjustableOrder, `${param}[adjustable_quantity][minimum]`);
  if ((a.minimum ?? DEFAULT_MIN) > (a.maximum ?? DEFAULT_MAX)) {
    throw invalid(CHECKOUT_MSG.adjustableOrder, `${param}[adjustable_quantity][minimum]`);
  }
  return { enabled: true, maximum: a.maximum ?? null, minimum: a.minimum ?? null };
}

export function checkQuantityBounds(quantity: number, adjustable: AdjustableQuantity | null, param: string): void {
  if (!adjustable?.enabled) return;
  const min = adjustable.minimum ?? DEFAULT_MIN;
  const max = adjustable.maximum ?? DEFAULT_MAX;
  if (quantity < min || quantity > max)
    throw invalid(CHECKOUT_MSG.quantityOutOfRange(quantity, min, max), `${param}[quantity]`);
}

/** A line item with no `id`: create, or an addition on update. */
export function draftNewItem(ctx: RequestCtx, item: LineItemParams, param: string): DraftItem {
  const resolved = resolvePrice(ctx, item, param);
  if (item.quantity === undefined)
    throw invalid(CHECKOUT_MSG.quantityRequired(param), `${param}[quantity]`, 'parameter_missing');
  const adjustable = resolveAdjustable(item.adjustable_quantity, param);
  checkQuantityBounds(item.quantity, adjustable, param);
  return {
    ...resolved,
    id: null,
    param,
    quantity: item.quantity,
    tax_rates: resolveTaxRates(ctx, item.tax_rates, param),
    adjustable_quantity: adjustable,
    metadata: item.metadata ? mergeMetadata({}, item.metadata) : null,
  };
}

/** The retransmitted array of an update (API-NOTES §4): keep, update, add, remove by omission, reorder. */
export function draftRetransmitted(ctx: RequestCtx, record: SessionRecord, items: LineItemParams[]): DraftItem[] {
  const current = new Map(record.items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  return items.map((item, index) => {
    const param = `line_items[${index}]`;
    const id = item.id;
    if (id === undefined) return draftNewItem(ctx, item, param);
    const existing = current.get(id);
    if (!existing) throw invalid(CHECKOUT_MSG.unknownItem(id), `${param}[id]`);
    if (seen.has(id)) throw invalid(CHECKOUT_MSG.repeatedItem(id), `${param}[id]`);
    seen.add(id);
    const changesPrice = item.price !== undefined || item.price_data !== undefined;
    const resolved = changesPrice
      ? resolvePrice(ctx, item, param)
      : { price: storedPrice(ctx, existing.price), newProduct: null, isNewPrice: false };
    const adjustable =
      item.adjustable_quantity === undefined
        ? existing.adjustable_quantity
        : resolveAdjustable(item.adjustable_quantity, param);
    const quantity = item.quantity ?? existing.quantity;
    checkQuantityBounds(quantity, adjustable, param);
    const metadata =
      item.metadata === undefined
        ? existing.metadata
        : item.metadata === ''
          ? null
          : mergeMetadata(existing.metadata, item.metadata);
    return {
      ...resolved,
      id,
      param,
      quantity,
      tax_rates: item.tax_rates === undefined ? existing.tax_rates : resolveTaxRates(ctx, item.tax_rates, param),
      adjustable_quantity: adjustable,
      metadata,
    };
  });
}

/** Rules on the whole set (API-NOTES §4); returns the session currency. */
export function checkItemSet(items: DraftItem[], mode: Stripe.Checkout.Session.Mode): string {
  if (items.length === 0) throw invalid(CHECKOUT_MSG.atLeastOneItem, 'line_items');
  if (items.length > 100) throw invalid(CHECKOUT_MSG.tooManyItems, 'line_items');
  const currency = items[0]?.price.currency ?? 'usd';
  for (const item of items) {
    if (item.price.currency !== currency)
      throw invalid(CHECKOUT_MSG.currencyMismatch(currency, item.price.currency), `${item.param}[price]`);
  }
  const recurring = items.filter((i) => i.price.recurring);
  if (mode === 'payment' && recurring[0])
    throw invalid(CHECKOUT_MSG.recurringInPayment, `${recurring[0].param}[price]`);
  if (mode === 'subscription') {
    if (recurring.length === 0) throw invalid(CHECKOUT_MSG.noRecurringInSubscription, 'line_items');
    if (recurring.length > 20) throw invalid(CHECKOUT_MSG.tooManySubscriptionItems('recurring'), 'line_items');
    if (items.length - recurring.length > 20)
      throw invalid(CHECKOUT_MSG.tooManySubscriptionItems('one-time'), 'line_items');
    const key = (item: DraftItem) => `${item.price.recurring?.interval}/${item.price.recurring?.interval_count}`;
    const firstKey = recurring[0] ? key(recurring[0]) : '';
    const odd = recurring.find((item) => key(item) !== firstKey);
    if (odd) throw invalid(CHECKOUT_MSG.mixedIntervals, `${odd.param}[price]`);
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
