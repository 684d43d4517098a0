import type {
  StripeAddressElement,
  StripeCheckoutElementsSdk,
  StripeCheckoutElementsSdkOptions,
  StripeCheckoutExpressCheckoutElement,
  StripeCheckoutLoadActionsResult,
  StripeCheckoutSession,
  StripePaymentElement,
} from '@stripe/stripe-js';
import type { ActionContext } from './action-context';
import { createCheckoutActions } from './checkout-actions';
import { CheckoutState } from './checkout-state';
import type { ElementRegistry } from './element-handles';
import type { ElementFactory, ElementHost, ElementKind } from './element-factory';
import { messageOf, NOT_SUPPORTED } from './results';
import { updateShippingAddress } from './session-actions';
import { sessionIdFromSecret, type CheckoutTransport } from './transport';

export type SdkDeps = {
  publishableKey: string;
  transport: (clientSecret: string) => CheckoutTransport;
  elements: ElementFactory;
  navigate: (url: string) => void;
  locale?: string;
  serverUpdateTimeoutMs?: number;
};

export const invalidClientSecret = (value: unknown) =>
  `Invalid clientSecret: expected a Checkout Session client secret like "cs_test_…_secret_…", got ${JSON.stringify(value)}.`;

// initCheckoutElementsSdk: elements can be created at once (the React provider does so while the
// session still loads); actions exist once loadActions has fetched the session.
export function createCheckoutSdk(options: StripeCheckoutElementsSdkOptions, deps: SdkDeps) {
  if (!options || (typeof options.clientSecret !== 'string' && !isThenable(options.clientSecret))) {
    throw new Error('initCheckoutElementsSdk: `clientSecret` is required (a string or a Promise of a string).');
  }
  const listeners: Array<(session: StripeCheckoutSession) => void> = [];
  const registry: ElementRegistry = { payment: null, shippingAddress: null, billingAddress: null };
  const created: {
    payment: StripePaymentElement | null;
    shippingAddress: StripeAddressElement | null;
    billingAddress: StripeAddressElement | null;
    expressCheckout: StripeCheckoutExpressCheckoutElement | null;
  } = { payment: null, shippingAddress: null, billingAddress: null, expressCheckout: null };
  let ctx: ActionContext | null = null;
  let paymentComplete: boolean | null = null;
  let loading: Promise<StripeCheckoutLoadActionsResult> | null = null;

  const host: ElementHost = {
    publishableKey: deps.publishableKey,
    allowedCountries: () => ctx?.state.server.shipping_address_collection?.allowed_countries ?? null,
    setPaymentComplete(complete) {
      paymentComplete = complete;
      ctx?.state.setPaymentComplete(complete);
    },
    addressEntered(mode, contact) {
      if (!ctx) return;
      if (mode === 'billing') {
        ctx.state.billingAddress = contact;
        ctx.state.emit();
      } else if (ctx.state.server.permissions?.update_shipping_details !== 'server_only') {
        // Like Stripe's Address Element, a finished shipping address updates the session; when the
        // server owns shipping details the address is kept for confirm() instead.
        void updateShippingAddress(ctx, contact);
      }
    },
    destroyed(kind: ElementKind) {
      created[kind] = null;
      if (kind !== 'expressCheckout') registry[kind] = null;
      if (kind === 'payment') host.setPaymentComplete(null);
    },
  };

  async function load(): Promise<StripeCheckoutLoadActionsResult> {
    let clientSecret: unknown;
    try {
      clientSecret = await options.clientSecret;
    } catch (error) {
      return {
        type: 'error',
        error: { code: null, message: `The clientSecret promise rejected: ${messageOf(error)}` },
      };
    }
    if (typeof clientSecret !== 'string' || !sessionIdFromSecret(clientSecret)) {
      return { type: 'error', error: { code: null, message: invalidClientSecret(clientSecret) } };
    }
    const transport = deps.transport(clientSecret);
    try {
      const state = new CheckoutState(await transport.getSession(), deps.locale);
      state.setPaymentComplete(paymentComplete);
      state.on((session) => listeners.forEach((listener) => listener(session)));
      ctx = {
        state,
        transport,
        elements: registry,
        clientSecret,
        navigate: deps.navigate,
        serverUpdateTimeoutMs: deps.serverUpdateTimeoutMs,
      };
    } catch (error) {
      return { type: 'error', error: { code: null, message: messageOf(error) } };
    }
    const allowed = host.allowedCountries();
    if (allowed) registry.shippingAddress?.setCountries?.(allowed);
    const actions = createCheckoutActions(ctx);
    const email = options.defaultValues?.email;
    if (email && !ctx.state.session().email) void actions.updateEmail(email);
    return { type: 'success', actions };
  }

  const unsupported = (name: string) => () => {
    throw new Error(NOT_SUPPORTED(name));
  };

  return {
    on: (event, handler) => {
      if (event === 'change' && typeof handler === 'function') listeners.push(handler);
    },
    loadActions: () => (loading ??= load()),
    // Appearance and fonts style Stripe's own iframes; the local fields keep one plain look.
    changeAppearance: () => {},
    loadFonts: () => {},
    createPaymentElement: (elementOptions?) => {
      if (created.payment) throw new Error('Can only create one Payment Element per checkout.');
      const { element, handle } = deps.elements.payment(host, elementOptions ?? {});
      registry.payment = handle;
      return (created.payment = element);
    },
    createShippingAddressElement: (elementOptions?) => {
      const { element, handle } = deps.elements.address(host, 'shipping', elementOptions ?? {});
      registry.shippingAddress = handle;
      return (created.shippingAddress = element);
    },
    createBillingAddressElement: (elementOptions?) => {
      const { element, handle } = deps.elements.address(host, 'billing', elementOptions ?? {});
      registry.billingAddress = handle;
      return (created.billingAddress = element);
    },
    createExpressCheckoutElement: (elementOptions?) =>
      (created.expressCheckout = deps.elements.expressCheckout(host, elementOptions)),
    getPaymentElement: () => created.payment,
    getShippingAddressElement: () => created.shippingAddress,
    getBillingAddressElement: () => created.billingAddress,
    getExpressCheckoutElement: () => created.expressCheckout,
    getCurrencySelectorElement: () => null,
    getContactDetailsElement: () => null,
    getTaxIdElement: () => null,
    getTermsElement: () => null,
    getLinkSignupElement: () => null,
    createCurrencySelectorElement: unsupported('createCurrencySelectorElement'),
    createTaxIdElement: unsupported('createTaxIdElement'),
    createContactDetailsElement: unsupported('createContactDetailsElement'),
    createTermsElement: unsupported('createTermsElement'),
    createLinkSignupElement: unsupported('createLinkSignupElement'),
  } satisfies StripeCheckoutElementsSdk;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
