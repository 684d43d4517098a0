// Which shipping rates a destination gets for an order: domestic rates at home (standard, free from a
// paid subtotal, express), the international rate elsewhere. Pure: the server decides with it on every
// change of address or cart, and the tests read it as a table.
import { HOME_COUNTRY, SHIPPING_RATES, SHIPS_TO, type ShippingRate } from '@/lib/catalog';

/** Stripe takes at most five shipping options on a session. */
export const MAX_SHIPPING_OPTIONS = 5;

export const shipsTo = (country: string) => SHIPS_TO.some((candidate) => candidate.code === country);

/**
 * The rates offered for a destination country and a paid subtotal (minor units), in the catalog's order
 * (so the first, which Stripe selects when the buyer's choice is gone, is the standard one). None for a
 * country the shop does not ship to.
 */
export function shippingOptionsFor(country: string, paidSubtotal: number): ShippingRate[] {
  if (!shipsTo(country)) return [];
  const zone = country === HOME_COUNTRY ? 'domestic' : 'international';
  return SHIPPING_RATES.filter(
    (rate) =>
      rate.zone === zone &&
      (rate.minSubtotal === undefined || paidSubtotal >= rate.minSubtotal) &&
      (rate.belowSubtotal === undefined || paidSubtotal < rate.belowSubtotal),
  ).slice(0, MAX_SHIPPING_OPTIONS);
}
