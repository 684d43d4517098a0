// A buyer's change to a checkout, planned as the one Stripe update that makes it (pure): what every action of
// the pipeline (lib/actions/checkout-pipeline.ts) decides between retrieving the session and updating it.
// Payment mode runs the cart rules (intent, gift, limits, stock), shipping and tax for the destination, the
// loyalty discount over the result, and the contribution priced on the new subtotal; subscription mode swaps the
// plan's price and moves its trial.
import type { BillingInterval } from '@/lib/catalog';
import type { CartIntent } from '@/lib/checkout/checkout-cart';
import { cartOfSession } from '@/lib/checkout/checkout-cart';
import { decideCheckout, planCheckoutUpdate } from '@/lib/checkout/decide-checkout';
import {
  contributionOf,
  isContribution,
  planContribution,
  withContribution,
  type ContributionPercent,
} from '@/lib/checkout/contribution';
import { isGift, paidSubtotal } from '@/lib/checkout/gift';
import type { ProductLine } from '@/lib/checkout/product-line';
import { linesMatch, planLineItems, type LineItemParam, type PlannedLine } from '@/lib/checkout/line-items';
import { loyaltyDiscountUpdate, type DiscountsParam } from '@/lib/checkout/loyalty-discount';
import type { Profile } from '@/lib/checkout/session-params';
import { trialUpdate } from '@/lib/checkout/session-offers';
import { sameAddress, type ShippingDetails } from '@/lib/checkout/shipping-address';
import { planOfSession, switchIntervalChanges } from '@/lib/checkout/subscription-interval';
import type { CatalogIds, CheckoutSnapshot } from '@/lib/checkout/types';
import { SessionStateError } from '@/lib/errors';

/**
 * What the buyer asks: a change to the products, a shipping address, the plan's interval, the contribution, or
 * (`loyalty`) the server's discount decided again on its own; the rest is re-decided with every change.
 */
export type CheckoutChange = {
  intent?: CartIntent;
  shipping?: ShippingDetails;
  interval?: BillingInterval;
  loyalty?: true;
  /** The growers' cooperative contribution's share; left out, the current share is kept and priced again. */
  contribution?: ContributionPercent;
};

/** One server update of a session: everything in it changes together, or nothing does. */
export type SessionUpdate = {
  lineItems?: LineItemParam[];
  shippingDetails?: ShippingDetails;
  /** Stripe shipping rate ids, in order. */
  shippingOptions?: string[];
  discounts?: DiscountsParam;
  trialPeriodDays?: number;
};

export type PlannedChange = {
  /** The one update to send; null when the session already is what the rules decide. */
  update: SessionUpdate | null;
  /** The units the session holds now and will hold after the update (none for a plan). */
  holdsBefore: ProductLine[];
  holdsAfter: ProductLine[];
  /** The products the buyer chose, after the change (the gift is the rule's, not the buyer's): a cart to write through. */
  cart: ProductLine[];
  /** True when a session read back holds this change (an update whose answer was lost may have landed). */
  landed: (after: Pick<CheckoutSnapshot, 'lines' | 'shipping' | 'discount'>) => boolean;
};

export type PlanContext = { available: ReadonlyMap<string, number>; ids: CatalogIds; profile: Profile };

const products = (lines: readonly ProductLine[]) => lines.map(({ productId, quantity }) => ({ productId, quantity }));
const paidOnly = (lines: readonly ProductLine[]) => products(lines.filter((line) => !isGift(line.productId)));

export function planChange(session: CheckoutSnapshot, change: CheckoutChange, context: PlanContext): PlannedChange {
  return session.mode === 'subscription'
    ? planPlanChange(session, change, context)
    : planCartChange(session, change, context);
}

function planCartChange(
  session: CheckoutSnapshot,
  change: CheckoutChange,
  { available, ids }: PlanContext,
): PlannedChange {
  if (change.loyalty && !session.serverDiscounts) {
    throw new SessionStateError(
      `Session ${session.id} does not let the server set discounts`,
      "This checkout doesn't offer the loyalty discount.",
    );
  }
  const decision = decideCheckout(session, change, available);
  const { discounts } = loyaltyDiscountUpdate(session, decision.cart);
  const contribution = planContribution(session.lines, paidSubtotal(decision.cart), change.contribution);
  const base = {
    holdsBefore: products(decision.current),
    holdsAfter: products(decision.cart),
    cart: paidOnly(decision.cart),
  };
  const discountLanded = (after: Pick<CheckoutSnapshot, 'discount'>) =>
    discounts === undefined ||
    (after.discount?.amount ?? 0) === (discounts === '' ? 0 : discounts[0].coupon_data.amount_off);
  if (decision.unchanged && contribution.unchanged) {
    if (discounts === undefined) return { ...base, update: null, landed: () => true };
    return { ...base, update: { discounts }, landed: discountLanded };
  }
  const planned = planCheckoutUpdate(session, decision, ids, change.shipping !== undefined);
  const addressLanded = (after: Pick<CheckoutSnapshot, 'shipping'>) =>
    !planned.shippingDetails || sameAddress(after.shipping?.address, planned.shippingDetails.address);
  // The product lines as planned (the contribution is compared by its amount: its price is made by Stripe).
  const productLines = planned.lines.filter(
    (line) => !session.lines.some((current) => current.id === line.id && isContribution(current)),
  );
  const contributionLanded = (after: Pick<CheckoutSnapshot, 'lines'>) =>
    (contributionOf(after.lines)?.line.unitAmount ?? 0) === contribution.amount;
  return {
    ...base,
    update: {
      lineItems: withContribution(planned.params, session.lines, contribution),
      ...(planned.shippingDetails && { shippingDetails: planned.shippingDetails }),
      ...(planned.shippingOptions && { shippingOptions: planned.shippingOptions }),
      ...(discounts !== undefined && { discounts }),
    },
    landed: (after) =>
      linesMatch(
        after.lines.filter((line) => !isContribution(line)),
        productLines,
      ) &&
      contributionLanded(after) &&
      addressLanded(after) &&
      discountLanded(after),
  };
}

function planPlanChange(
  session: CheckoutSnapshot,
  change: CheckoutChange,
  { ids, profile }: PlanContext,
): PlannedChange {
  const none = { holdsBefore: [], holdsAfter: [], cart: [] };
  if (!change.interval) return { ...none, update: null, landed: () => true };
  const { plan, priceIds } = planOfSession(session.lines, ids);
  const changes = switchIntervalChanges(session.lines, priceIds, change.interval);
  if (changes.length === 0) return { ...none, update: null, landed: () => true };
  const planned: { params: LineItemParam[]; lines: PlannedLine[] } = planLineItems(session.lines, changes);
  return {
    ...none,
    update: { lineItems: planned.params, ...trialUpdate(profile, plan, change.interval) },
    landed: (after) => linesMatch(after.lines, planned.lines),
  };
}

/** The cart a session holds, as products (payment mode): what a resumed checkout is compared with. */
export const productsOfSession = (session: Pick<CheckoutSnapshot, 'lines'>) => paidOnly(cartOfSession(session.lines));
