// The buyer's endpoints, defined once: each one's path, the body it takes (its zod schema) and what it answers.
// The route handlers parse with these schemas; the browser's client (components/buyer-api.ts) takes its request
// and answer types from them, so a field renamed on one side fails to compile on the other.
// A new buyer interaction at checkout is one entry here, one action in lib/actions, one route line, one component.
import { z } from 'zod';
import { BUYER_PATHS } from '@/lib/buyer-paths';
import { BILLING_INTERVALS, CONTRIBUTION, findProductForSale } from '@/lib/catalog';
import { cartSchema } from '@/lib/checkout/cart';
import { storedCartSchema } from '@/lib/checkout/cart-rules';
import { MAX_QUANTITY } from '@/lib/checkout/line-items';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { shippingDetailsSchema } from '@/lib/checkout/shipping-address';

/** What a checkout update answers when it has changed the session (the seed's contract). */
export type UpdateAnswer = { type: 'success' };

/** Every refusal, whatever the endpoint: a status, this body, and `Retry-After` when trying again will help. */
export type ErrorAnswer = { type: 'error'; message: string };

const session = { checkout_session_id: checkoutSessionIdSchema };
const productId = z
  .string()
  .max(100)
  .refine((id) => findProductForSale(id) !== undefined, 'unknown product');

/** An endpoint that answers `Answer` when it succeeds (named first; the body's schema is inferred). */
const endpoint =
  <Answer>() =>
  <Body extends z.ZodType>(name: keyof typeof BUYER_PATHS, body: Body) => ({
    path: BUYER_PATHS[name],
    body,
    answer: undefined as unknown as Answer,
  });
const update = endpoint<UpdateAnswer>();

/** Changes to an open checkout, each run inside Stripe.js's `runServerUpdate` (lib/actions/checkout-pipeline.ts). */
export const CHECKOUT_UPDATES = {
  /** The plan's interval: the seed page's own endpoint and contract. */
  interval: update('interval', z.strictObject({ ...session, interval: z.enum(BILLING_INTERVALS) })),
  /** A line's quantity (0 removes it); the stock check and the hold happen on the server. */
  quantity: update(
    'quantity',
    z.strictObject({
      ...session,
      line_item_id: z
        .string()
        .max(255)
        .regex(/^li_\w+$/),
      quantity: z.number().int().min(0).max(MAX_QUANTITY),
    }),
  ),
  /** "Add cross-sell items": the browser names a product; what may be added, and its price, is the server's rule. */
  crossSell: update(
    'crossSell',
    z.strictObject({ ...session, product_id: z.string().max(100), action: z.enum(['add', 'remove']) }),
  ),
  /** The shipping address, set by the server with the options and tax it decides for that destination. */
  shippingAddress: update('shippingAddress', z.strictObject({ ...session, shipping_details: shippingDetailsSchema })),
  /** The preview's server-decided discount, decided again on its own: the browser names the session only. */
  loyaltyDiscount: update('loyaltyDiscount', z.strictObject(session)),
  /** The growers' contribution: the browser names a share, the server prices it from the paid subtotal. */
  contribution: update('contribution', z.strictObject({ ...session, percent: z.literal(CONTRIBUTION.percents) })),
};

/** The buyer's other endpoints: opening a checkout, and changing the stored cart. */
export const BUYER_REQUESTS = {
  /** Opens the browser's checkout (201 made, 200 resumed); `attemptId` is one per page view (a UUID). */
  openCheckout: endpoint<{ clientSecret: string }>()(
    'openCheckout',
    z.strictObject({ cart: z.union([cartSchema, storedCartSchema]), attemptId: z.uuid() }),
  ),
  /** One cart line: its new quantity, absolute (0 removes it), or units to add ("Add to cart"). */
  cartLine: update(
    'cartLine',
    z.union([
      z.strictObject({ product_id: productId, quantity: z.number().int().min(0).max(999) }),
      z.strictObject({ product_id: productId, add: z.number().int().min(1).max(99) }),
    ]),
  ),
};

export type CheckoutUpdate = keyof typeof CHECKOUT_UPDATES;
/** Every buyer endpoint by its name, the name its path has in lib/buyer-paths.ts. */
export type BuyerEndpoints = typeof CHECKOUT_UPDATES & typeof BUYER_REQUESTS;
export type BuyerEndpointName = keyof BuyerEndpoints;
export type BuyerEndpoint = BuyerEndpoints[BuyerEndpointName];
/** The JSON body an endpoint takes, as the browser sends it. */
export type BodyOf<E extends BuyerEndpoint> = z.input<E['body']>;
/** What an endpoint answers when it succeeds. */
export type AnswerOf<E extends BuyerEndpoint> = E['answer'];
