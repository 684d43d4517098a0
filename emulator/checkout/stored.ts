// Objects a session's line items point to. A line item only ever names a price and tax rates that
// were checked to exist when it was drafted, and prices and tax rates are never deleted: finding
// one missing is a bug in the emulator, reported as such (a 500 in Stripe's envelope).
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';

export function storedPrice(ctx: RequestCtx, id: string): Stripe.Price {
  const price = ctx.store.get('price', id);
  if (!price) throw new Error(`A line item names the price ${id}, which is not stored.`);
  return price;
}

export function storedTaxRate(ctx: RequestCtx, id: string): Stripe.TaxRate {
  const rate = ctx.store.get('tax_rate', id);
  if (!rate) throw new Error(`A line item names the tax rate ${id}, which is not stored.`);
  return rate;
}
