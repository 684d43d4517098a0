import type { StripeCheckoutExpressCheckoutElement } from '@stripe/stripe-js';
import type { ElementHost } from '../element-factory';
import { ElementEmitter, resolveMountTarget } from './element-emitter';

// No wallet (Apple Pay, Google Pay, Link) exists offline. Like Stripe's element on a browser with
// no wallet, it renders nothing and its ready event lists no available payment methods.
export class ExpressCheckoutElement extends ElementEmitter {
  constructor(private readonly host: ElementHost) {
    super();
  }

  mount(target: string | HTMLElement): void {
    resolveMountTarget(target);
    setTimeout(() => this.emit('ready', { elementType: 'expressCheckout', availablePaymentMethods: undefined }), 0);
  }

  unmount(): void {}
  destroy(): void {
    this.host.destroyed('expressCheckout');
  }
  blur(): void {}
  focus(): void {}
  clear(): void {}
  update(): void {}
}

export const asStripeExpressCheckoutElement = (element: ExpressCheckoutElement) =>
  element as unknown as StripeCheckoutExpressCheckoutElement;
