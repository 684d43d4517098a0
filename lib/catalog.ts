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
  /** Free days before the first payment, per interval (a trial set on update is private preview: see README). */
  trialDays: Record<BillingInterval, number>;
  /** It sends goods: its checkout collects a shipping address (Stripe's `shipping_address_collection`). */
  ships: boolean;
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
  /** Products to offer beside this one at checkout ("You might also like"), by id. */
  goesWith?: readonly string[];
};

export type ShippingRate = {
  id: string;
  displayName: string;
  amount: number;
  deliveryDays: { minimum: number; maximum: number };
  /** Where it is offered: the shop's own country, or every other country it ships to. */
  zone: 'domestic' | 'international';
  /** Offered only while the paid subtotal (minor units) is at least this (inclusive)... */
  minSubtotal?: number;
  /** ...or below this (exclusive). */
  belowSubtotal?: number;
};

/** A country the shop ships to: its ISO 3166-1 alpha-2 code and its name (for messages). */
export type ShipCountry = { code: string; name: string };

/**
 * A tax rate the shop charges, by destination: a US state's sales tax is added to the price (exclusive);
 * VAT is part of the price (inclusive). Seeded as a Stripe Tax Rate (found by `metadata.catalog_id`).
 */
export type TaxRate = {
  id: string;
  displayName: string;
  /** Percent, e.g. 7.25. A changed percentage is a new Stripe rate (theirs is immutable); the old is archived. */
  percentage: number;
  inclusive: boolean;
  country: string;
  /** A US state (or other region) code; absent: the whole country. */
  state?: string;
  jurisdiction: string;
};

/** The subscriptions the shop sells, in the order the home page shows them. A new plan is one more entry here. */
export const PLANS: readonly Plan[] = [
  {
    id: 'coffee-club',
    name: 'Coffee Club',
    description: 'Two bags of freshly roasted single-origin coffee at your door, every month.',
    image: '/products/coffee-club.svg',
    prices: {
      monthly: { lookupKey: 'coffee_club_monthly', unitAmount: 2400, interval: 'month' },
      yearly: { lookupKey: 'coffee_club_yearly', unitAmount: 24000, interval: 'year' },
    },
    trialDays: { monthly: 7, yearly: 14 },
    ships: true,
  },
  {
    id: 'espresso-club',
    name: 'Espresso Club',
    description: 'One 250 g bag of our espresso roast at your door, every month.',
    image: '/products/espresso-club.svg',
    prices: {
      monthly: { lookupKey: 'espresso_club_monthly', unitAmount: 1400, interval: 'month' },
      yearly: { lookupKey: 'espresso_club_yearly', unitAmount: 14000, interval: 'year' },
    },
    trialDays: { monthly: 7, yearly: 14 },
    ships: true,
  },
];

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
    goesWith: ['ceramic-mug', 'hand-grinder'],
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
    goesWith: ['house-blend'],
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
    goesWith: ['house-blend'],
  },
];

/**
 * The gift: when an order's paid lines reach `threshold` (minor units), the server adds `product` (a $0
 * price) to the checkout; it leaves when they fall below. Never sold, so never in the shop or a cart; it is
 * stock all the same, held like any line.
 */
export const GIFT: { product: Product; threshold: number } = {
  threshold: 7500,
  product: {
    id: 'tasting-sample',
    name: 'Tasting sample',
    description: 'Three 50 g bags of this week’s single origins, on us.',
    image: '/products/tasting-sample.svg',
    lookupKey: 'tasting_sample',
    stock: 100,
    unitAmount: 0,
    maxQuantity: 1,
  },
};

/** Codes a buyer may type at checkout (GA profile): `npm run stripe:seed` makes a coupon and a promotion code of each. */
export type PromotionCode = { code: string; name: string; percentOff: number; duration: 'once' | 'forever' };

export const PROMOTION_CODES: readonly PromotionCode[] = [
  { code: 'WELCOME10', name: 'Welcome, 10 % off', percentOff: 10, duration: 'once' },
];

/**
 * The loyalty discount (preview profile, decided by the server): `percentOff` of the paid lines once they
 * reach `threshold`, at most `maxAmount` (minor units).
 */
export const LOYALTY_DISCOUNT = {
  name: 'Loyalty discount',
  threshold: 10000,
  percentOff: 10,
  maxAmount: 2000,
} as const;

/**
 * A contribution to the growers' cooperative the buyer may add at checkout: a share of the paid subtotal, priced
 * by the server (lib/checkout/contribution.ts). It is not a product of the catalog: no stock, no tax, and it
 * counts toward no threshold (the gift, free shipping, the loyalty discount).
 */
export const CONTRIBUTION = { name: "Growers' cooperative contribution", percents: [0, 2, 5] } as const;

/** Every product Stripe and the inventory know of: the shop's, and the gift. */
export const ALL_PRODUCTS: readonly Product[] = [...PRODUCTS, GIFT.product];

/** Where the shop is: its shipping rates call this country domestic. */
export const HOME_COUNTRY = 'US';

/** The countries the shop ships to; any other is refused at the address step. */
export const SHIPS_TO: readonly ShipCountry[] = [
  { code: 'US', name: 'the United States' },
  { code: 'CA', name: 'Canada' },
  { code: 'GB', name: 'the United Kingdom' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'NL', name: 'the Netherlands' },
];

/** Domestic standard shipping is free from this paid subtotal (minor units). */
export const FREE_SHIPPING_THRESHOLD = 6000;

/** Every rate the shop may offer; lib/checkout/shipping.ts picks those for a destination and a subtotal. */
export const SHIPPING_RATES: readonly ShippingRate[] = [
  {
    id: 'standard',
    displayName: 'Standard shipping',
    amount: 600,
    deliveryDays: { minimum: 3, maximum: 5 },
    zone: 'domestic',
    belowSubtotal: FREE_SHIPPING_THRESHOLD,
  },
  {
    id: 'standard-free',
    displayName: 'Free standard shipping',
    amount: 0,
    deliveryDays: { minimum: 3, maximum: 5 },
    zone: 'domestic',
    minSubtotal: FREE_SHIPPING_THRESHOLD,
  },
  {
    id: 'express',
    displayName: 'Express shipping',
    amount: 1500,
    deliveryDays: { minimum: 1, maximum: 2 },
    zone: 'domestic',
  },
  {
    id: 'international',
    displayName: 'International shipping',
    amount: 2500,
    deliveryDays: { minimum: 5, maximum: 10 },
    zone: 'international',
  },
];

/**
 * The tax table (without Stripe Tax: see the README to switch). A destination not listed pays no tax.
 * A US state's rate applies to addresses in that state; a country's rate (no state) to the whole country.
 */
export const TAX_RATES: readonly TaxRate[] = [
  {
    id: 'us-ca',
    displayName: 'Sales tax',
    percentage: 7.25,
    inclusive: false,
    country: 'US',
    state: 'CA',
    jurisdiction: 'US-CA',
  },
  {
    id: 'us-ny',
    displayName: 'Sales tax',
    percentage: 8.875,
    inclusive: false,
    country: 'US',
    state: 'NY',
    jurisdiction: 'US-NY',
  },
  {
    id: 'us-wa',
    displayName: 'Sales tax',
    percentage: 6.5,
    inclusive: false,
    country: 'US',
    state: 'WA',
    jurisdiction: 'US-WA',
  },
  { id: 'de-vat', displayName: 'VAT', percentage: 19, inclusive: true, country: 'DE', jurisdiction: 'DE' },
  { id: 'fr-vat', displayName: 'VAT', percentage: 20, inclusive: true, country: 'FR', jurisdiction: 'FR' },
  { id: 'nl-vat', displayName: 'VAT', percentage: 21, inclusive: true, country: 'NL', jurisdiction: 'NL' },
  { id: 'gb-vat', displayName: 'VAT', percentage: 20, inclusive: true, country: 'GB', jurisdiction: 'GB' },
];

/** Any product of ours, the gift included (for names, prices and stock). */
export function findProduct(id: string): Product | undefined {
  return ALL_PRODUCTS.find((product) => product.id === id);
}

/** A product a buyer may put in a cart: the shop's, never the gift. */
export function findProductForSale(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** Product by its price's lookup key (how a Checkout Session's line names it). */
export function findProductByLookupKey(lookupKey: string): Product | undefined {
  return ALL_PRODUCTS.find((product) => product.lookupKey === lookupKey);
}

/** A plan by its id. */
export function findPlan(id: string): Plan | undefined {
  return PLANS.find((plan) => plan.id === id);
}

export const BILLING_INTERVALS: readonly BillingInterval[] = ['monthly', 'yearly'];

/** Every price lookup key the catalog uses, for resolving ids in one Stripe call. */
export const ALL_LOOKUP_KEYS: readonly string[] = [
  ...PLANS.flatMap((plan) => BILLING_INTERVALS.map((interval) => plan.prices[interval].lookupKey)),
  ...ALL_PRODUCTS.map((product) => product.lookupKey),
];
