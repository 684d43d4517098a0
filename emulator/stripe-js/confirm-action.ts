import type {
  StripeCheckoutConfirmResult,
  StripeCheckoutContact,
  StripeCheckoutRedirectBehavior,
  StripeCheckoutValidateElementsResult,
} from '@stripe/stripe-js';
import type { ActionContext } from './action-context';
import { buyerError, isApiError, messageOf } from './results';

export type ConfirmArgs = {
  returnUrl?: string;
  redirect?: StripeCheckoutRedirectBehavior;
  email?: string;
  shippingAddress?: StripeCheckoutContact;
  billingAddress?: StripeCheckoutContact;
  paymentMethod?: string;
};

export async function validateElements(ctx: ActionContext): Promise<StripeCheckoutValidateElementsResult> {
  const { payment, shippingAddress, billingAddress } = ctx.elements;
  if (!payment && !shippingAddress && !billingAddress) {
    return {
      type: 'error',
      error: { code: 'no_elements', message: 'No elements are mounted.', validation_errors: [] },
    };
  }
  const errors = [
    { element: 'payment' as const, message: payment?.validate() ?? null },
    { element: 'shippingAddress' as const, message: shippingAddress?.validate() ?? null },
    { element: 'billingAddress' as const, message: billingAddress?.validate() ?? null },
  ].filter((e): e is { element: 'payment' | 'shippingAddress' | 'billingAddress'; message: string } => !!e.message);
  if (errors.length > 0) {
    return {
      type: 'error',
      error: { code: 'validation_error', message: errors[0]!.message, validation_errors: errors },
    };
  }
  return { type: 'success', session: ctx.state.session() };
}

// Confirms with the card in the Payment Element's frame. Like Stripe.js, a success redirects to the
// return URL (the session id filled in) unless redirect is 'if_required'.
export async function confirm(ctx: ActionContext, args: ConfirmArgs = {}): Promise<StripeCheckoutConfirmResult> {
  if (!ctx.state.totalShown) {
    // Stripe.js throws here (an integration error, not a buyer's one): a page must display the amount it charges.
    throw new Error(
      'confirm() was called, but the page never read the total: display session.total.total.amount (or total.total.minorUnitsAmount) first.',
    );
  }
  if (args.paymentMethod) return buyerError('confirm({paymentMethod}) is not supported by the local Stripe.js');
  const payment = ctx.elements.payment;
  if (!payment) return buyerError('confirm() needs a mounted Payment Element to collect the card.');
  const invalid = await validateElements(ctx);
  if (invalid.type === 'error') return buyerError(invalid.error.message);
  const server = ctx.state.server;
  if (server.status !== 'open') return buyerError(`This Checkout Session is ${server.status ?? 'not open'}.`);
  const email = args.email ?? ctx.state.session().email;
  if (!email) return buyerError('An email address is required: pass `email` to confirm() or call updateEmail() first.');
  const returnUrl = args.returnUrl ?? server.return_url ?? null;
  if (!returnUrl && args.redirect !== 'if_required') {
    return buyerError('confirm() needs a returnUrl: none was given and the Checkout Session has no return_url.');
  }
  // When the server owns shipping details (permissions.update_shipping_details: 'server_only') the session
  // already holds the address the server set, and confirm must not send one (the API refuses it).
  const serverOwnsShipping = server.permissions?.update_shipping_details === 'server_only';
  const shipping = serverOwnsShipping
    ? null
    : (args.shippingAddress ?? ctx.elements.shippingAddress?.value() ?? ctx.state.session().shippingAddress ?? null);
  const billing = args.billingAddress ?? ctx.elements.billingAddress?.value() ?? ctx.state.billingAddress;

  const result = await ctx.state.queue.run(async (): Promise<StripeCheckoutConfirmResult> => {
    try {
      const completed = await payment.confirm({
        clientSecret: ctx.clientSecret,
        email,
        expectedAmount: ctx.state.server.amount_total ?? 0,
        shipping,
        billingName: billing?.name ?? shipping?.name ?? null,
      });
      ctx.state.setServer(completed);
      return { type: 'success', session: ctx.state.session() };
    } catch (error) {
      if (isApiError(error) && error.type === 'card_error') {
        return {
          type: 'error',
          error: { code: 'paymentFailed', message: error.message, paymentFailed: { declineCode: error.declineCode } },
        };
      }
      return buyerError(messageOf(error));
    }
  });
  if (result.type === 'error') return result;
  if (args.redirect !== 'if_required' && returnUrl) {
    ctx.navigate(returnUrl.replaceAll('{CHECKOUT_SESSION_ID}', encodeURIComponent(ctx.state.server.id)));
  }
  return { type: 'success', session: ctx.state.session() };
}
