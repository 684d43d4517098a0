import type { StripeCheckoutSession } from '@stripe/stripe-js';
import type { AddressDraft } from '@/components/checkout/address-draft';

/**
 * Why Pay waits, in the buyer's words, or null when it need not. Pay is enabled only when what the buyer
 * sees is what Stripe holds: an address form that differs from the session's address blocks it until
 * "Use this address" has set it (and with it the shipping and tax the summary shows).
 */
export function waitReason(input: {
  session: Pick<StripeCheckoutSession, 'canConfirm' | 'shippingAddress' | 'shippingOptions' | 'shipping'>;
  pending: boolean;
  draft: AddressDraft;
  subscription: boolean;
  /** The checkout asks for a shipping address (products always; a plan when it ships). */
  ships: boolean;
}): string | null {
  const { session } = input;
  if (input.pending) return 'Updating your order…';
  if (input.draft === 'differs') {
    return input.subscription
      ? 'Use this address so we know where to send your coffee.'
      : 'Use this address to see shipping and tax.';
  }
  if (input.ships && !session.shippingAddress?.address)
    return 'Enter your shipping address, then choose “Use this address”.';
  if (session.shippingOptions.length > 0 && !session.shipping) return 'Choose a delivery option.';
  if (!session.canConfirm) return 'Complete your payment details.';
  return null;
}
