import type { StripePaymentElement } from '@stripe/stripe-js';
import type { ConfirmRequest, PaymentHandle } from '../element-handles';
import type { ElementHost } from '../element-factory';
import { FRAME_PATH, isFromFrame, type FromFrame, type ToFrameBody } from '../frame-protocol';
import type { ServerSession } from '../server-session';
import { errorTypeOf, StripeApiError } from '../../core/errors';
import { ElementEmitter, resolveMountTarget } from './element-emitter';

let frames = 0;

// The page side of the Payment Element: an iframe on the local Stripe's origin holds the card
// fields, so card data never enters the merchant's page (as with Stripe's own iframe).
export class PaymentElement extends ElementEmitter {
  private iframe: HTMLIFrameElement | null = null;
  private readonly frameId = `payment-${++frames}-${Math.random().toString(36).slice(2)}`;
  private state = { complete: false, empty: true, error: null as string | null };
  private requests = new Map<number, { resolve: (s: ServerSession) => void; reject: (e: Error) => void }>();
  private nextRequest = 1;

  constructor(
    private readonly origin: string,
    private readonly host: ElementHost,
  ) {
    super();
    host.setPaymentComplete(false);
  }

  readonly handle: PaymentHandle = {
    isComplete: () => this.state.complete,
    validate: () => {
      this.send({ type: 'show-errors' });
      return this.state.complete ? null : (this.state.error ?? 'Your card number is incomplete.');
    },
    confirm: (request) => this.confirm(request),
  };

  mount(target: string | HTMLElement): void {
    if (this.iframe) this.unmount();
    const iframe = document.createElement('iframe');
    iframe.title = 'Secure payment input frame';
    iframe.src = `${this.origin}${FRAME_PATH}#${new URLSearchParams({ frameId: this.frameId, parentOrigin: location.origin })}`;
    iframe.setAttribute('allow', 'payment');
    iframe.style.cssText = 'border:0;width:100%;height:210px;display:block;color-scheme:normal';
    window.addEventListener('message', this.onMessage);
    resolveMountTarget(target).appendChild(iframe);
    this.iframe = iframe;
    this.emit('loaderstart', { elementType: 'payment' });
  }

  unmount(): void {
    window.removeEventListener('message', this.onMessage);
    this.iframe?.remove();
    this.iframe = null;
  }

  destroy(): void {
    this.unmount();
    for (const { reject } of this.requests.values()) reject(new Error('The Payment Element was destroyed.'));
    this.requests.clear();
    this.host.destroyed('payment');
  }

  blur = () => this.send({ type: 'blur' });
  focus = () => this.send({ type: 'focus' });
  clear = () => this.send({ type: 'clear' });
  collapse = () => this;
  update = () => this;

  private confirm(request: ConfirmRequest): Promise<ServerSession> {
    if (!this.iframe) return Promise.reject(new Error('The Payment Element is not mounted.'));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.requests.set(requestId, { resolve, reject });
      this.send({ type: 'confirm', requestId, publishableKey: this.host.publishableKey, ...request });
    });
  }

  private send(message: ToFrameBody): void {
    this.iframe?.contentWindow?.postMessage({ ...message, frameId: this.frameId }, this.origin);
  }

  private onMessage = (event: MessageEvent) => {
    if (event.origin !== this.origin || !isFromFrame(event.data, this.frameId)) return;
    const message: FromFrame = event.data;
    switch (message.type) {
      case 'ready':
      case 'resize': {
        if (this.iframe) this.iframe.style.height = `${Math.ceil(message.height)}px`;
        if (message.type === 'ready') this.emit('ready', { elementType: 'payment' });
        break;
      }
      case 'change': {
        this.state = { complete: message.complete, empty: message.empty, error: message.error };
        this.host.setPaymentComplete(message.complete);
        this.emit('change', {
          elementType: 'payment',
          complete: message.complete,
          empty: message.empty,
          collapsed: false,
          value: { type: 'card' },
        });
        break;
      }
      case 'focus':
      case 'blur': {
        this.emit(message.type, { elementType: 'payment' });
        break;
      }
      case 'confirm-result': {
        const pending = this.requests.get(message.requestId);
        this.requests.delete(message.requestId);
        if (!pending) break;
        if (message.error) {
          const failure = message.error;
          const details = { code: failure.code ?? undefined, decline_code: failure.declineCode ?? undefined };
          pending.reject(new StripeApiError(0, errorTypeOf(failure.type), failure.message, details));
        } else pending.resolve(message.session as ServerSession);
        break;
      }
    }
  };
}

// The element as Stripe's types describe it; the overloaded on/once/off of StripePaymentElement
// cannot be written by a class, so this is the one place the element is cast.
export function asStripePaymentElement(element: PaymentElement): StripePaymentElement {
  return element as unknown as StripePaymentElement;
}
