// The shop's catalog, defined once. A fork edits this file: names, prices and images live here,
// and `npm run stripe:seed` (or the local Stripe at start) creates the matching Stripe objects.
// Prices are referred to by lookup key; their Stripe ids are resolved at run time (lib/stripe/catalog.ts).

export const CURRENCY = 'usd';

export type BillingInterval = 'monthly' | 'yearly';

export type PlanPrice = { lookupKey: string; unitAmount: number; interval: 'month' | 'year' };

export type Plan = {
  id: string;
  name: string;
  description: string;
  image: string;
  prices: Record<BillingInterval, PlanPrice>;
};

export type Product = {
  id: string;
  name: string;
  description: string;
  image: string;
  lookupKey: string;
  unitAmount: number;
  /** Most a buyer can put in one order. */
  maxQuantity: number;
  /**
   * Units on the shelf when the database first meets this product (its inventory row is created then, and
   * only sales change it afterwards; edit the row to restock).
   */
  stock: number;
};

export type ShippingRate = {
  id: string;
  displayName: string;
  amount: number;
  deliveryDays: { minimum: number; maximum: number };
};

export const PLAN: Plan = {
  id: 'coffee-club',
  name: 'Coffee Club',
  description: 'Two bags of freshly roasted single-origin coffee at your door, every month.',
  image: '/products/coffee-club.svg',
  prices: {
    monthly: { lookupKey: 'coffee_club_monthly', unitAmount: 2400, interval: 'month' },
    yearly: { lookupKey: 'coffee_club_yearly', unitAmount: 24000, interval: 'year' },
  },
};

export const PRODUCTS: readonly Product[] = [
  {
    id: 'house-blend',
    name: 'House Blend, 340 g',
    description: 'Chocolate, hazelnut and a little citrus. Roasted on Mondays.',
    image: '/products/house-blend.svg',
    lookupKey: 'house_blend_340g',
    stock: 200,
    unitAmount: 1600,
    maxQuantity: 10,
  },
  {
    id: 'hand-grinder',
    name: 'Hand grinder',
    description: 'Steel conical burrs, 40 click settings, from espresso to French press.',
    image: '/products/hand-grinder.svg',
    lookupKey: 'hand_grinder',
    stock: 25,
    unitAmount: 8900,
    maxQuantity: 2,
  },
  {
    id: 'ceramic-mug',
    name: 'Ceramic mug',
    description: 'Hand-thrown stoneware, 300 ml, glazed in our roastery blue.',
    image: '/products/ceramic-mug.svg',
    lookupKey: 'ceramic_mug',
    stock: 60,
    unitAmount: 2200,
    maxQuantity: 6,
  },
];

export const SHIPPING_RATES: readonly ShippingRate[] = [
  { id: 'standard', displayName: 'Standard shipping', amount: 600, deliveryDays: { minimum: 3, maximum: 5 } },
  { id: 'express', displayName: 'Express shipping', amount: 1500, deliveryDays: { minimum: 1, maximum: 2 } },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** Every price lookup key the catalog uses, for resolving ids in one Stripe call. */
export const ALL_LOOKUP_KEYS: readonly string[] = [
  PLAN.prices.monthly.lookupKey,
  PLAN.prices.yearly.lookupKey,
  ...PRODUCTS.map((product) => product.lookupKey),
];
