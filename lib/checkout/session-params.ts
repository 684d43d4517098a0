import { findPlan, findProduct, SHIPS_TO } from '@/lib/catalog';
import type { Cart } from '@/lib/checkout/cart';
import { LineItemRuleError } from '@/lib/checkout/line-items';
import { GA_PROMOTION_CODES, SEED_DISCOUNT_PERMISSION, trialOnCreate } from '@/lib/checkout/session-offers';
import { assertWithinOrderLimit } from '@/lib/checkout/order-limit';
import { holdLinesForCart } from '@/lib/checkout/stock';
import type { CatalogIds } from '@/lib/checkout/types';

export type Profile = 'ga' | 'seed';

/** The session metadata key that holds the tag of the browser that created it. */
export const BINDING_METADATA_KEY = 'storefront_browser_tag';

/**
 * The Checkout Session to create for a cart: prices come from the catalog's lookup keys, never the browser.
 * GA: `ui_mode: 'elements'`. Seed profile (the 2025 private preview): `ui_mode: 'custom'` with line items
 * updatable by the server only, as the seed page configures it.
 */
export function sessionCreateParams(
  cart: Cart,
  ids: Pick<CatalogIds, 'prices'>,
  options: { profile: Profile; returnUrl: string; bindingTag: string; expiresAt: number },
) {
  const price = (lookupKey: string) => {
    const id = ids.prices.get(lookupKey);
    if (!id) throw new Error(`No Stripe price for lookup key ${lookupKey}`);
    return id;
  };
  const seed = options.profile === 'seed';
  const common = {
    return_url: `${options.returnUrl}?session_id={CHECKOUT_SESSION_ID}`,
    metadata: { [BINDING_METADATA_KEY]: options.bindingTag },
    // Unix seconds: the session, and so the units it holds, end then (lib/checkout/session-expiry.ts).
    expires_at: options.expiresAt,
    ui_mode: seed ? 'custom' : 'elements',
    // Promotion codes (GA) and the server's discount (preview) exclude each other: see lib/checkout/session-offers.ts.
    ...(seed ? {} : GA_PROMOTION_CODES),
  } as const;

  if (cart.kind === 'plan') {
    const plan = findPlan(cart.planId);
    if (!plan) throw new LineItemRuleError(`Unknown plan ${cart.planId}`);
    return {
      ...common,
      ...(seed && { permissions: { update_line_items: 'server_only' as const, ...SEED_DISCOUNT_PERMISSION } }),
      mode: 'subscription' as const,
      line_items: [{ price: price(plan.prices[cart.interval].lookupKey), quantity: 1 }],
      // A plan that ships: Stripe collects the address in subscription mode too, but shipping options (and the
      // server's shipping-details update with them) are payment-mode only, so the buyer's browser sets it
      // through the Address Element (components/checkout/checkout-form.tsx names the source).
      ...(plan.ships && {
        shipping_address_collection: { allowed_countries: SHIPS_TO.map((country) => country.code) },
      }),
      ...trialOnCreate(options.profile, plan, cart.interval),
    };
  }
  return {
    ...common,
    mode: 'payment' as const,
    // No `adjustable_quantity`: Stripe.js would then change quantities without asking our server, around
    // the stock check. Quantities change through our endpoint (lib/actions/change-line-item-quantity.ts).
    line_items: holdLinesForCart(cart).map(({ productId, quantity }) => {
      const product = findProduct(productId);
      if (!product) throw new LineItemRuleError(`Unknown product ${productId}`);
      assertWithinOrderLimit(product, quantity);
      return { price: price(product.lookupKey), quantity };
    }),
    // The address is the server's to set (POST /api/checkout/shipping-address), with the shipping options
    // and tax it decides for it; none are offered before, so the session can't be confirmed without one.
    permissions: {
      ...(seed && { update_line_items: 'server_only' as const, ...SEED_DISCOUNT_PERMISSION }),
      update_shipping_details: 'server_only' as const,
    },
    shipping_address_collection: { allowed_countries: SHIPS_TO.map((country) => country.code) },
  };
}

export type SessionCreateParams = ReturnType<typeof sessionCreateParams>;
