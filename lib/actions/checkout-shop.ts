import 'server-only';
import { ALL_PRODUCTS, BILLING_INTERVALS, GIFT, PLANS } from '@/lib/catalog';
import type { CheckoutShop } from '@/lib/checkout/checkout-shop';
import { isGift } from '@/lib/checkout/gift';
import { checkoutOffers } from '@/lib/checkout/session-offers';
import { database } from '@/lib/db/client';
import { availableStock } from '@/lib/db/inventory';
import { env } from '@/lib/env';
import { catalogIds } from '@/lib/stripe/catalog';
import { isSeedProfile } from '@/lib/stripe/client';

// What the checkout page's Stripe.js needs (the publishable key, the local Stripe.js, the preview's betas), read
// per request: the page reaches lib/stripe through here, as every page reaches data through lib/actions.
export { browserStripeConfig } from '@/lib/stripe/browser-config';

/** The shop as the checkout page shows it: products and plans with their Stripe price ids, stock, the gift's threshold. */
export async function checkoutShop(): Promise<CheckoutShop> {
  const [ids, stock] = await Promise.all([catalogIds(), availableStock(await database())]);
  return {
    products: ALL_PRODUCTS.map((product) => ({
      id: product.id,
      name: product.name,
      priceId: ids.prices.get(product.lookupKey) ?? '',
      unitAmount: product.unitAmount,
      maxQuantity: product.maxQuantity,
      gift: isGift(product.id),
    })),
    plans: PLANS.map((plan) => ({
      id: plan.id,
      name: plan.name,
      priceIds: BILLING_INTERVALS.flatMap((interval) => ids.prices.get(plan.prices[interval].lookupKey) ?? []),
      ships: plan.ships,
    })),
    available: Object.fromEntries([...stock].map(([id, units]) => [id, Math.max(0, units)])),
    giftThreshold: GIFT.threshold,
    giftName: GIFT.product.name.toLowerCase(),
    offers: checkoutOffers(isSeedProfile(env().apiVersion) ? 'seed' : 'ga'),
  };
}
