// Renders a session's line items. Line item amounts are computed from the price and tax rates each
// time (both are immutable in amount), so the line items and the totals (session-changes.ts) agree.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { paginate, type ListPage, type PageParams } from '../core/list';
import { lineAmounts, type LineAmounts } from './totals';
import { storedPrice, storedTaxRate } from './stored';
import type { LineItemRecord, SessionRecord } from '../core/session-record';

export function amountsOf(ctx: RequestCtx, item: LineItemRecord): { price: Stripe.Price; amounts: LineAmounts } {
  const price = storedPrice(ctx, item.price);
  const rates = item.tax_rates.map((id) => storedTaxRate(ctx, id));
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
export function lineItemTaxes(ctx: RequestCtx, itemId: string, record: SessionRecord): Stripe.LineItem.Tax[] {
  const found = record.items.find((item) => item.id === itemId);
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
  params: PageParams = {},
): ListPage<Stripe.LineItem> {
  // Line items list in session order (not newest first): the order the merchant sent them in.
  const url = `/v1/checkout/sessions/${record.session.id}/line_items`;
  return paginate(record.items.map((i) => renderLineItem(ctx, i)), params, url, 'line item');
}
