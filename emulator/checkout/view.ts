// Renders a session's line items. Line item amounts are computed from the price, the tax rates and
// the line's share of the session's discount each time (prices and tax rates are immutable in
// amount, and the discount keeps a copy of its coupon), so the line items and the totals
// (session-changes.ts) agree.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { paginate, type ListPage, type PageParams } from '../core/list';
import { amountOffIn, appliesToProduct } from '../resources/coupons';
import { discountObject } from './discounts';
import { allocateDiscount, lineAmounts, type LineAmounts } from './totals';
import { storedPrice, storedTaxRate } from './stored';
import { trialOf } from './trial';
import type { LineItemRecord, SessionRecord } from '../core/session-record';

export type Line = { item: LineItemRecord; price: Stripe.Price; amounts: LineAmounts };

/** Every line of the session with its amounts, the discount shared out across them. */
export function linesOf(ctx: RequestCtx, record: SessionRecord): Line[] {
  const priced = record.items.map((item) => ({ item, price: storedPrice(ctx, item.price) }));
  const coupon = record.discount?.coupon ?? null;
  const currency = priced[0]?.price.currency ?? record.session.currency ?? 'usd';
  const shares = allocateDiscount(
    priced.map(({ item, price }) => (price.unit_amount ?? 0) * item.quantity),
    coupon && { percent_off: coupon.percent_off, amount_off: amountOffIn(coupon, currency) },
    priced.map(({ price }) => coupon === null || appliesToProduct(coupon, String(price.product))),
  );
  return priced.map(({ item, price }, index) => {
    const rates = item.tax_rates.map((id) => storedTaxRate(ctx, id));
    return { item, price, amounts: lineAmounts(price.unit_amount ?? 0, item.quantity, rates, shares[index] ?? 0) };
  });
}

function renderLine(ctx: RequestCtx, { item, price, amounts }: Line): Stripe.LineItem {
  const product = ctx.store.get('product', String(price.product));
  return {
    id: item.id,
    object: 'item',
    adjustable_quantity: item.adjustable_quantity ? { ...item.adjustable_quantity } : null,
    amount_discount: amounts.amount_discount,
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

export function renderLineItems(ctx: RequestCtx, record: SessionRecord): Stripe.LineItem[] {
  return linesOf(ctx, record).map((line) => renderLine(ctx, line));
}

/** `taxes` is includable only (`expand[]=line_items.data.taxes`), like Stripe's. */
export function lineItemTaxes(ctx: RequestCtx, itemId: string, record: SessionRecord): Stripe.LineItem.Tax[] {
  const found = linesOf(ctx, record).find((line) => line.item.id === itemId);
  if (!found) return [];
  return found.amounts.taxes.map((t) => ({
    amount: t.amount,
    rate: structuredClone(t.rate),
    taxability_reason: null,
    taxable_amount: t.taxable_amount,
  }));
}

/** `discounts` is includable only too: the line's share of the session's discount. */
export function lineItemDiscounts(ctx: RequestCtx, itemId: string, record: SessionRecord): Stripe.LineItem.Discount[] {
  const found = linesOf(ctx, record).find((line) => line.item.id === itemId);
  const discount = record.discount;
  if (!found || !discount) return [];
  return [{ amount: found.amounts.amount_discount, discount: discountObject(record, discount) }];
}

export function lineItemsPage(
  ctx: RequestCtx,
  record: SessionRecord,
  params: PageParams = {},
): ListPage<Stripe.LineItem> {
  // Line items list in session order (not newest first): the order the merchant sent them in.
  const url = `/v1/checkout/sessions/${record.session.id}/line_items`;
  return paginate(renderLineItems(ctx, record), params, url, 'line item');
}

/**
 * `total_details.breakdown` (includable only): the session's discount with its amount, and its taxes
 * summed per tax rate, as Stripe's Checkout Session object documents them. Empty under a free trial,
 * whose totals are 0 (session-changes.ts).
 */
export function sessionBreakdown(
  ctx: RequestCtx,
  record: SessionRecord,
): Stripe.Checkout.Session.TotalDetails.Breakdown {
  if (trialOf(ctx, record) !== null) return { discounts: [], taxes: [] };
  const lines = linesOf(ctx, record);
  const discount = record.discount;
  const byRate = new Map<string, Stripe.Checkout.Session.TotalDetails.Breakdown.Tax>();
  for (const tax of lines.flatMap((line) => line.amounts.taxes)) {
    const sum = byRate.get(tax.rate.id);
    if (sum) {
      sum.amount += tax.amount;
      sum.taxable_amount = (sum.taxable_amount ?? 0) + tax.taxable_amount;
    } else
      byRate.set(tax.rate.id, {
        amount: tax.amount,
        rate: structuredClone(tax.rate),
        taxability_reason: null,
        taxable_amount: tax.taxable_amount,
      });
  }
  const discountAmount = lines.reduce((sum, line) => sum + line.amounts.amount_discount, 0);
  return {
    discounts: discount ? [{ amount: discountAmount, discount: discountObject(record, discount) }] : [],
    taxes: [...byRate.values()],
  };
}
