import type { StripeCheckoutContact } from '@stripe/stripe-js';
import type { ServerSession } from './server-session';

// What the checkout actions need from mounted elements, kept free of the DOM so the actions are
// testable in node. The browser elements in ./browser implement these.
export type ConfirmRequest = {
  clientSecret: string;
  email: string;
  expectedAmount: number;
  shipping: StripeCheckoutContact | null;
  billingName: string | null;
};

export interface PaymentHandle {
  isComplete(): boolean;
  // Shows the inline messages and returns the first one, or null when the card is complete.
  validate(): string | null;
  // Sends the card, which never leaves the Payment Element's frame, to the local Stripe's /confirm.
  confirm(request: ConfirmRequest): Promise<ServerSession>;
}

export interface AddressHandle {
  // The complete address the buyer entered, or null while incomplete.
  value(): StripeCheckoutContact | null;
  validate(): string | null;
  // Restricts the country choice to the session's allowed countries, once the session is known.
  setCountries?(countries: readonly string[]): void;
}

export type ElementRegistry = {
  payment: PaymentHandle | null;
  shippingAddress: AddressHandle | null;
  billingAddress: AddressHandle | null;
};
