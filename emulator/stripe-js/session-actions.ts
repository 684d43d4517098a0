import type {
  StripeCheckoutApplyPromotionCodeResult,
  StripeCheckoutContact,
  StripeCheckoutRemovePromotionCodeResult,
  StripeCheckoutUpdateAddressResult,
  StripeCheckoutUpdateEmailResult,
  StripeCheckoutUpdateLineItemQuantityResult,
  StripeCheckoutUpdateShippingOptionResult,
} from '@stripe/stripe-js';
import type { ActionContext } from './action-context';
import { buyerError, isApiError, messageOf } from './results';
import type { ParamObject } from '../core/form-encoding';
import { EMAIL_PATTERN } from '../core/formats';

export const LINE_ITEMS_SERVER_ONLY =
  "updateLineItemQuantity is not allowed: this Checkout Session's line items can only be updated by your server (permissions.update_line_items is server_only). Use runServerUpdate instead.";
export const SHIPPING_SERVER_ONLY =
  "updateShippingAddress is not allowed: this Checkout Session's shipping details can only be updated by your server (permissions.update_shipping_details is server_only). Use runServerUpdate instead.";

type Outcome = { ok: true } | { ok: false; message: string; code: string | null };

// Posts buyer changes with the client secret only, one action at a time; the session is replaced
// by what the server returns, and left as it was when the server refuses.
function postUpdate(ctx: ActionContext, params: ParamObject): Promise<Outcome> {
  return ctx.state.queue.run(async (): Promise<Outcome> => {
    try {
      ctx.state.setServer(await ctx.transport.updateSession(params));
      return { ok: true };
    } catch (error) {
      return { ok: false, message: messageOf(error), code: isApiError(error) ? error.code : null };
    }
  });
}

export async function updateLineItemQuantity(
  ctx: ActionContext,
  args: { lineItem: string; quantity: number },
): Promise<StripeCheckoutUpdateLineItemQuantityResult> {
  if (ctx.state.server.permissions?.update_line_items === 'server_only') return buyerError(LINE_ITEMS_SERVER_ONLY);
  if (!Number.isInteger(args?.quantity) || args.quantity < 0) {
    return buyerError('updateLineItemQuantity expects a whole quantity of 0 or more.');
  }
  const outcome = await postUpdate(ctx, { line_items: [{ id: args.lineItem, quantity: args.quantity }] });
  return outcome.ok ? { type: 'success', session: ctx.state.session() } : buyerError(outcome.message);
}

export async function updateShippingAddress(
  ctx: ActionContext,
  contact: StripeCheckoutContact | null,
): Promise<StripeCheckoutUpdateAddressResult> {
  if (ctx.state.server.permissions?.update_shipping_details === 'server_only') {
    return buyerError(SHIPPING_SERVER_ONLY);
  }
  // Clearing is a choice: the client endpoint has no "remove address", so null changes nothing.
  if (!contact) return { type: 'success', session: ctx.state.session() };
  const outcome = await postUpdate(ctx, { shipping_details: contactParams(contact) });
  return outcome.ok ? { type: 'success', session: ctx.state.session() } : buyerError(outcome.message);
}

export async function updateShippingOption(
  ctx: ActionContext,
  shippingOption: string,
): Promise<StripeCheckoutUpdateShippingOptionResult> {
  if (typeof shippingOption !== 'string' || !shippingOption) {
    return buyerError("updateShippingOption expects the id of one of the session's shipping options.");
  }
  const outcome = await postUpdate(ctx, { shipping_rate: shippingOption });
  return outcome.ok ? { type: 'success', session: ctx.state.session() } : buyerError(outcome.message);
}

export async function updateEmail(ctx: ActionContext, email: string | null): Promise<StripeCheckoutUpdateEmailResult> {
  const value = (email ?? '').trim();
  if (!value) return { type: 'error', error: { code: 'incompleteEmail', message: 'Your email is incomplete.' } };
  if (!EMAIL_PATTERN.test(value)) {
    return { type: 'error', error: { code: 'invalidEmail', message: 'Your email address is invalid.' } };
  }
  const outcome = await postUpdate(ctx, { email: value });
  return outcome.ok
    ? { type: 'success', session: ctx.state.session() }
    : { type: 'error', error: { code: 'invalidEmail', message: outcome.message } };
}

export const INVALID_CODE = 'This code is invalid.';

// The local Stripe's error codes → Stripe.js's: a code below its minimum order is
// `promotionCodeAmountInsufficient`; unknown, inactive, expired or used-up codes are `invalidCode`;
// anything else (no promotion codes on this session, the server owns discounts) has no code.
export async function applyPromotionCode(
  ctx: ActionContext,
  code: string,
): Promise<StripeCheckoutApplyPromotionCodeResult> {
  if (typeof code !== 'string' || !code.trim()) {
    return { type: 'error', error: { code: 'invalidCode', message: INVALID_CODE } };
  }
  const outcome = await postUpdate(ctx, { promotion_code: code.trim() });
  if (outcome.ok) return { type: 'success', session: ctx.state.session() };
  if (outcome.code === 'promotion_code_minimum_amount')
    return { type: 'error', error: { code: 'promotionCodeAmountInsufficient', message: outcome.message } };
  if (outcome.code === 'promotion_code_invalid')
    return { type: 'error', error: { code: 'invalidCode', message: INVALID_CODE } };
  return buyerError(outcome.message);
}

export async function removePromotionCode(ctx: ActionContext): Promise<StripeCheckoutRemovePromotionCodeResult> {
  // Stripe's convention: an empty string clears a field.
  const outcome = await postUpdate(ctx, { promotion_code: '' });
  return outcome.ok ? { type: 'success', session: ctx.state.session() } : buyerError(outcome.message);
}

export function contactParams(contact: StripeCheckoutContact): ParamObject {
  const a = contact.address;
  return {
    name: contact.name ?? undefined,
    address: {
      line1: a.line1 ?? undefined,
      line2: a.line2 ?? undefined,
      city: a.city ?? undefined,
      state: a.state ?? undefined,
      postal_code: a.postal_code ?? undefined,
      country: a.country,
    },
  };
}
