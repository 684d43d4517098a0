import type { ElementFactory } from '../element-factory';
import { AddressElement, asStripeAddressElement } from './address-element';
import { asStripeExpressCheckoutElement, ExpressCheckoutElement } from './express-checkout-element';
import { asStripePaymentElement, PaymentElement } from './payment-element';

// The browser's elements; `origin` is the local Stripe that serves the Payment Element's frame.
export function domElements(origin: string): ElementFactory {
  return {
    payment: (host) => {
      const element = new PaymentElement(origin, host);
      return { element: asStripePaymentElement(element), handle: element.handle };
    },
    address: (host, mode) => {
      const element = new AddressElement(host, mode);
      return { element: asStripeAddressElement(element), handle: element.handle };
    },
    expressCheckout: (host) => asStripeExpressCheckoutElement(new ExpressCheckoutElement(host)),
  };
}
