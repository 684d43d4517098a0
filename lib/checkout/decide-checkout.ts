// What a payment-mode checkout becomes after a buyer action, decided in one pure step that composes the
// rules in order: the cart (intent, gift, limits, stock), then shipping (the options for the destination
// and the new paid subtotal), then tax (each line's rate for the destination). A later rule (issue 14's
// discount) joins here. The result is planned as the one Stripe update the action sends.
import { findProduct, type ShippingRate, type TaxRate } from '@/lib/catalog';
import {
  cartChanges,
  CartRuleError,
  cartOfSession,
  decideCart,
  sameCart,
  type CartIntent,
  type CheckoutLine,
} from '@/lib/checkout/checkout-cart';
import { paidSubtotal } from '@/lib/checkout/gift';
import { planLineItems, type LineItemParam, type PlannedLine } from '@/lib/checkout/line-items';
import { notShippedMessage, type ShippingDetails } from '@/lib/checkout/shipping-address';
import { shippingOptionsFor } from '@/lib/checkout/shipping';
import { taxRateFor } from '@/lib/checkout/tax';
import type { CatalogIds, CheckoutSnapshot } from '@/lib/checkout/types';

/** What the buyer asks: a change to the cart, and/or a new shipping address. */
export type CheckoutChange = { intent?: CartIntent; shipping?: ShippingDetails };

export type CheckoutDecision = {
  current: CheckoutLine[];
  cart: CheckoutLine[];
  /** The destination after the change; null while the buyer has given none. */
  shipping: ShippingDetails | null;
  shippingOptions: ShippingRate[];
  taxRate: TaxRate | null;
  /** Nothing to send: the cart and the address are as they were. */
  unchanged: boolean;
};

const keep: CartIntent = (cart) => [...cart];

export function decideCheckout(
  session: Pick<CheckoutSnapshot, 'lines' | 'shipping'>,
  change: CheckoutChange,
  available: ReadonlyMap<string, number>,
): CheckoutDecision {
  const current = cartOfSession(session.lines);
  const cart = decideCart(current, change.intent ?? keep, available);
  const shipping = change.shipping ?? session.shipping;
  const cartUnchanged = sameCart(current, cart);
  if (!shipping) return { current, cart, shipping: null, shippingOptions: [], taxRate: null, unchanged: cartUnchanged };
  const shippingOptions = shippingOptionsFor(shipping.address.country, paidSubtotal(cart));
  if (shippingOptions.length === 0) {
    throw new CartRuleError(`No shipping to ${shipping.address.country}`, notShippedMessage(shipping.address.country));
  }
  return {
    current,
    cart,
    shipping,
    shippingOptions,
    taxRate: taxRateFor(shipping.address),
    unchanged: cartUnchanged && change.shipping === undefined,
  };
}

/** One server update of a checkout: its line items, and once an address is known, the shipping options (and the address when new). */
export type CheckoutUpdate = {
  params: LineItemParam[];
  lines: PlannedLine[];
  shippingDetails?: ShippingDetails;
  /** Stripe shipping rate ids, in order. */
  shippingOptions?: string[];
};

const required = (map: ReadonlyMap<string, string>, key: string, what: string) => {
  const id = map.get(key);
  if (!id) throw new Error(`No Stripe ${what} for ${key}`);
  return id;
};

/**
 * The one update for a decision: the retransmitted line items (kept ids kept), each with the destination's
 * tax rate where it differs from the line's; with an address, the address itself when it is new, and the
 * shipping options (Stripe keeps the buyer's selection when it is still among them, else selects the first).
 */
export function planCheckoutUpdate(
  session: Pick<CheckoutSnapshot, 'lines'>,
  decision: CheckoutDecision,
  ids: CatalogIds,
  newAddress: boolean,
): CheckoutUpdate {
  const priceIdOf = (productId: string) => required(ids.prices, findProduct(productId)!.lookupKey, 'price');
  const planned = planLineItems(session.lines, cartChanges(decision.current, decision.cart, priceIdOf));
  if (!decision.shipping) return planned;
  const taxRates = decision.taxRate ? [required(ids.taxRates, decision.taxRate.id, 'tax rate')] : [];
  const params = planned.params.map((param) => {
    const existing = 'id' in param ? (session.lines.find((line) => line.id === param.id)?.taxRateIds ?? []) : [];
    const same =
      'id' in param && existing.length === taxRates.length && existing.every((id, index) => id === taxRates[index]);
    if (same) return param;
    return { ...param, tax_rates: taxRates.length > 0 ? taxRates : ('' as const) };
  });
  return {
    params,
    lines: planned.lines,
    ...(newAddress && { shippingDetails: decision.shipping }),
    shippingOptions: decision.shippingOptions.map((rate) => required(ids.shippingRates, rate.id, 'shipping rate')),
  };
}
