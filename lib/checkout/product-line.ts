/**
 * A product and how many of it, by catalog id: one line of a stored cart, of a checkout's products, of the
 * units a checkout holds. The one name for the pair; a checkout's line with its Stripe line id is a
 * `CheckoutLine` (lib/checkout/checkout-cart.ts).
 */
export type ProductLine = { productId: string; quantity: number };
