import type {
  StripeAddressElement,
  StripeCheckoutAddressElementOptions,
  StripeCheckoutContact,
  StripeCheckoutExpressCheckoutElement,
  StripeCheckoutExpressCheckoutElementOptions,
  StripeCheckoutPaymentElementOptions,
  StripePaymentElement,
} from '@stripe/stripe-js';
import type { AddressHandle, PaymentHandle } from './element-handles';

export type ElementKind = 'payment' | 'shippingAddress' | 'billingAddress' | 'expressCheckout';

// How a mounted element talks back to its checkout.
export type ElementHost = {
  publishableKey: string;
  // The session's shipping_address_collection.allowed_countries, or null before it loads / when unset.
  allowedCountries(): readonly string[] | null;
  setPaymentComplete(complete: boolean | null): void;
  // The buyer finished an address in an Address Element.
  addressEntered(mode: 'shipping' | 'billing', contact: StripeCheckoutContact): void;
  destroyed(kind: ElementKind): void;
};

// The DOM side, injected so the SDK itself runs in node tests with a fake factory.
export type ElementFactory = {
  payment(
    host: ElementHost,
    options: StripeCheckoutPaymentElementOptions,
  ): {
    element: StripePaymentElement;
    handle: PaymentHandle;
  };
  address(
    host: ElementHost,
    mode: 'shipping' | 'billing',
    options: StripeCheckoutAddressElementOptions,
  ): { element: StripeAddressElement; handle: AddressHandle };
  expressCheckout(
    host: ElementHost,
    options: StripeCheckoutExpressCheckoutElementOptions | undefined,
  ): StripeCheckoutExpressCheckoutElement;
};
