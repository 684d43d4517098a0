// Where each of the buyer's endpoints lives, by the name lib/buyer-api.ts gives it. A module of its own, with no
// schema in it, so the browser's client (components/buyer-api.ts) gets the paths without zod: the schemas stay on
// the server, and every shop page loads about 115 KB less script.
export const BUYER_PATHS = {
  interval: '/api/change-subscription-interval',
  quantity: '/api/checkout/line-item-quantity',
  crossSell: '/api/checkout/cross-sell',
  shippingAddress: '/api/checkout/shipping-address',
  loyaltyDiscount: '/api/checkout/loyalty-discount',
  contribution: '/api/checkout/contribution',
  openCheckout: '/api/checkout/sessions',
  cartLine: '/api/cart/items',
} as const;
