import type { StripeCheckoutLoadActionsSuccess } from '@stripe/stripe-js';
import type { ActionContext } from './action-context';
import { confirm, validateElements } from './confirm-action';
import { buyerError, NOT_SUPPORTED } from './results';
import { runServerUpdate } from './server-update';
import {
  applyPromotionCode,
  removePromotionCode,
  updateEmail,
  updateLineItemQuantity,
  updateShippingAddress,
  updateShippingOption,
} from './session-actions';

// The actions object `loadActions()` resolves with. A plain object of own properties, because
// @stripe/react-stripe-js spreads it into the `checkout` value its hook returns.
export function createCheckoutActions(ctx: ActionContext) {
  const success = () => ({ type: 'success' as const, session: ctx.state.session() });
  return {
    getSession: () => ctx.state.session(),
    runServerUpdate: (fn) => runServerUpdate(ctx, fn),
    updateLineItemQuantity: (args) => updateLineItemQuantity(ctx, args),
    updateShippingAddress: (contact) => updateShippingAddress(ctx, contact),
    updateShippingOption: (id) => updateShippingOption(ctx, id),
    updateEmail: (email) => updateEmail(ctx, email),
    applyPromotionCode: (code) => applyPromotionCode(ctx, code),
    removePromotionCode: () => removePromotionCode(ctx),
    validateElements: () => validateElements(ctx),
    confirm: (args) => confirm(ctx, args),
    // Kept in the browser only, as the session's billing address and phone are not sent until confirm.
    updateBillingAddress: async (contact) => {
      ctx.state.billingAddress = contact;
      ctx.state.emit();
      return success();
    },
    updatePhoneNumber: async (phone) => {
      ctx.state.phoneNumber = phone;
      ctx.state.emit();
      return success();
    },
    // These results cannot be errors in Stripe's types, so they succeed without changing anything.
    updateIndividualName: async () => success(),
    updateBusinessName: async () => success(),
    updateTaxIdInfo: async () => buyerError(NOT_SUPPORTED('updateTaxIdInfo')),
    addOptionalLineItem: async () => buyerError(NOT_SUPPORTED('addOptionalLineItem')),
    removeOptionalLineItem: async () => buyerError(NOT_SUPPORTED('removeOptionalLineItem')),
  } satisfies StripeCheckoutLoadActionsSuccess;
}
