import { z } from 'zod';
import { BILLING_INTERVALS, findPlan, findProductForSale, PRODUCTS, type BillingInterval } from '@/lib/catalog';

/**
 * What the browser may ask a checkout to hold: catalog ids and quantities. Strict: a request that also
 * sends a price or an amount is refused rather than quietly trimmed.
 */
export const cartSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('plan'),
    planId: z
      .string()
      .max(100)
      .refine((id) => findPlan(id) !== undefined, 'unknown plan'),
    interval: z.enum(BILLING_INTERVALS),
  }),
  z.strictObject({
    kind: z.literal('products'),
    items: z
      .array(
        z.strictObject({
          productId: z
            .string()
            .max(100)
            .refine((id) => findProductForSale(id) !== undefined, 'unknown product'),
          quantity: z.number().int().min(1).max(999_999),
        }),
      )
      .min(1)
      .max(PRODUCTS.length)
      // One line per product: three lines of the same product would pass each line's limit but not the order's.
      .refine(
        (items) => new Set(items.map((item) => item.productId)).size === items.length,
        'each product at most once',
      ),
  }),
]);
export type Cart = z.infer<typeof cartSchema>;

/** The checkout page of a plan at an interval: what the home page links to, and what `cartFromSearchParams` reads. */
export const planCheckoutPath = (planId: string, interval: BillingInterval) =>
  `/checkout?plan=${encodeURIComponent(planId)}&interval=${interval}`;

/** Reads a cart from the checkout page's query string (`?plan=coffee-club&interval=yearly` or `?item=house-blend`). */
export function cartFromSearchParams(params: Record<string, string | string[] | undefined>): Cart | null {
  const one = (name: string) => (typeof params[name] === 'string' ? params[name] : undefined);
  const candidate = one('plan')
    ? { kind: 'plan', planId: one('plan'), interval: one('interval') ?? 'monthly' }
    : { kind: 'products', items: [{ productId: one('item'), quantity: 1 }] };
  const parsed = cartSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
