// Stock seen from outside, as the shop shows it (the storefront's database is in its own process), and a
// way to make it scarce for a test and give it back afterwards.
import { findProduct } from '../lib/catalog';
import { APP_ORIGIN, newBuyer } from './raw-http';
import { stripe } from './support';

/** Units a buyer can still get (stock less open holds), from the home page. */
export async function onShelf(productId: string): Promise<number> {
  const html = await (await fetch(`${APP_ORIGIN}/`)).text();
  const match = new RegExp(`data-testid="stock-${productId}"[^>]*>(\\d+) in stock<`).exec(html);
  return match ? Number(match[1]) : 0;
}

/**
 * Other buyers hold all but `leave` units of a product, in checkouts of their own. The returned function
 * expires those checkouts: the local Stripe sends checkout.session.expired and the storefront releases them.
 */
export async function holdAllBut(productId: string, leave: number): Promise<() => Promise<void>> {
  const perOrder = findProduct(productId)!.maxQuantity;
  const sessions: string[] = [];
  let left = await onShelf(productId);
  while (left > leave) {
    const quantity = Math.min(perOrder, left - leave);
    sessions.push((await newBuyer({ kind: 'products', items: [{ productId, quantity }] })).sessionId);
    left -= quantity;
  }
  return async () => {
    for (const id of sessions) await stripe.checkout.sessions.expire(id);
  };
}
