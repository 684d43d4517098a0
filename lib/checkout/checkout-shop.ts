// What the checkout page knows of the shop, beside the session Stripe.js gives it: which product each price
// is, what is in stock, where the gift starts. Public values only; the server decides every change again.
import type { CheckoutOffers } from '@/lib/checkout/session-offers';

export type ShopProduct = {
  id: string;
  name: string;
  priceId: string;
  unitAmount: number;
  maxQuantity: number;
  gift: boolean;
};

/** A plan as the checkout page needs it: which prices are it, and whether the buyer gives a shipping address. */
export type ShopPlan = { id: string; name: string; priceIds: string[]; ships: boolean };

export type CheckoutShop = {
  products: ShopProduct[];
  plans: ShopPlan[];
  /** Units a buyer can still get, by product id, when the page was made. */
  available: Record<string, number>;
  giftThreshold: number;
  giftName: string;
  offers: CheckoutOffers;
};

export const productOfPrice = (shop: CheckoutShop, priceId: string) =>
  shop.products.find((product) => product.priceId === priceId);

export const planOfPrice = (shop: CheckoutShop, priceId: string) =>
  shop.plans.find((plan) => plan.priceIds.includes(priceId));
