import type {
  StripeAddressElement,
  StripeCheckoutExpressCheckoutElement,
  StripePaymentElement,
} from '@stripe/stripe-js';
import type { ConfirmRequest } from '../element-handles';
import type { ElementFactory, ElementHost } from '../element-factory';
import type { ServerSession } from '../server-session';

// A Payment Element without a DOM: the test sets completeness and what /confirm answers.
export function fakeElements() {
  const payment = {
    complete: false,
    confirmRequests: [] as ConfirmRequest[],
    answer: async (): Promise<ServerSession> => {
      throw new Error('no answer set');
    },
    host: null as ElementHost | null,
  };
  const factory: ElementFactory = {
    payment: (host) => {
      payment.host = host;
      return {
        element: {} as StripePaymentElement,
        handle: {
          isComplete: () => payment.complete,
          validate: () => (payment.complete ? null : 'Your card number is incomplete.'),
          confirm: (request) => {
            payment.confirmRequests.push(request);
            return payment.answer();
          },
        },
      };
    },
    address: () => ({ element: {} as StripeAddressElement, handle: { value: () => null, validate: () => null } }),
    expressCheckout: () => ({}) as StripeCheckoutExpressCheckoutElement,
  };
  return { factory, payment };
}
