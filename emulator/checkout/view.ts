// Renders a session's line items and keeps its totals current. Line item amounts are computed from
// the price and tax rates each time (both are immutable in amount), so the two views never disagree.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { paginate, type ListPage } from '../core/list';
import { lineAmounts, sessionTotals, type LineAmounts } from './totals';
import type { LineItemRecord, SessionRecord } from './session-record';

function amountsOf(ctx: RequestCtx, item: LineItemRecord): { price: Stripe.Price; amounts: LineAmounts } {
  const price = ctx.store.get('price', item.price) as Stripe.Price;
  const rates = item.tax_rates.map((id) => ctx.store.get('tax_rate', id) as Stripe.TaxRate);
  return { price, amounts: lineAmounts(price.unit_amount ?? 0, item.quantity, rates) };
}

export function renderLineItem(ctx: RequestCtx, item: LineItemRecord): Stripe.LineItem {
  const { price, amounts } = amountsOf(ctx, item);
  const product = ctx.store.get('product', String(price.product));
  return {
    id: item.id,
    object: 'item',
    adjustable_quantity: item.adjustable_quantity ? { ...item.adjustable_quantity } : null,
    amount_discount: 0,
    amount_subtotal: amounts.amount_subtotal,
    amount_tax: amounts.amount_tax,
    amount_total: amounts.amount_total,
    currency: price.currency,
    description: product?.name ?? null,
    metadata: item.metadata ? { ...item.metadata } : null,
    price: structuredClone(price),
    quantity: item.quantity,
  };
}

/** `taxes` is includable only (`expand[]=line_items.data.taxes`), like Stripe's. */
export function lineItemTaxes(ctx: RequestCtx, item: { id: string }, record: SessionRecord): Stripe.LineItem.Tax[] {
  const found = record.items.find((i) => i.id === item.id);
  if (!found) return [];
  return amountsOf(ctx, found).amounts.taxes.map((t) => ({
    amount: t.amount,
    rate: structuredClone(t.rate),
    taxability_reason: null,
    taxable_amount: t.taxable_amount,
  }));
}

export function lineItemsPage(
  ctx: RequestCtx,
  record: SessionRecord,
  params: { limit?: unknown; starting_after?: unknown; ending_before?: unknown } = {},
): ListPage<Stripe.LineItem> {
  // Line items list in session order (not newest first): the order the merchant sent them in.
  const url = `/v1/checkout/sessions/${record.session.id}/line_items`;
  return paginate(record.items.map((i) => renderLineItem(ctx, i)), params, url, 'line item');
}

/** Writes the totals, currency and shipping cost of the session from its items and selected rate. */
export function recompute(ctx: RequestCtx, record: SessionRecord): void {
  const s = record.session;
  const lines = record.items.map((i) => amountsOf(ctx, i).amounts);
  const rateId = s.shipping_cost?.shipping_rate;
  const rate = typeof rateId === 'string' ? ctx.store.get('shipping_rate', rateId) : undefined;
  const shipping = rate?.fixed_amount?.amount ?? 0;
  const totals = sessionTotals(lines, shipping);
  s.currency = record.items[0] ? (ctx.store.get('price', record.items[0].price)?.currency ?? s.currency) : s.currency;
  s.amount_subtotal = totals.amount_subtotal;
  s.amount_total = totals.amount_total;
  s.total_details = { amount_discount: 0, amount_shipping: totals.amount_shipping, amount_tax: totals.amount_tax };
  s.shipping_cost = rate ? { amount_subtotal: shipping, amount_tax: 0, amount_total: shipping, shipping_rate: rate.id } : null;
}

/** Selects a rate among the session's options (or the first one, or none) and recomputes. */
export function selectShipping(ctx: RequestCtx, record: SessionRecord, rateId: string | null): void {
  const options = record.session.shipping_options;
  const chosen = rateId ?? (options[0] ? String(options[0].shipping_rate) : null);
  record.session.shipping_cost = chosen ? { amount_subtotal: 0, amount_tax: 0, amount_total: 0, shipping_rate: chosen } : null;
  recompute(ctx, record);
}
