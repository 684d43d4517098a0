// POST /v1/checkout/sessions: validate everything (API-NOTES §4, profiles §1), then store.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { exclusive, invalid, missingParam } from '../core/errors';
import { newId, randomToken } from '../core/ids';
import type { SessionRecord } from '../core/session-record';
import { mergeMetadata } from '../resources/common';
import { getCustomer } from '../resources/customers';
import { checkItemSet, commitItems, draftNewItem } from './line-items';
import { DISCOUNT_MSG, draftCreateDiscount } from './discounts';
import { CHECKOUT_MSG } from './messages';
import type { CreateSessionParams } from './params';
import { selectShipping } from './session-changes';
import { commitShipping, draftShippingOptions } from './shipping';
import { checkCreateTrial } from './trial';

const DAY = 24 * 60 * 60;
const MIN_EXPIRY = 30 * 60;
// Values Stripe renamed in 2026-03-25.dahlia; each version refuses the other era's names (API-NOTES §1).
const UI_MODES = {
  elements: ['elements', 'embedded_page', 'form', 'hosted_page'],
  custom: ['custom', 'embedded', 'hosted'],
} as const;

/** The session's ui_mode, or a refusal: dahlia and later take `elements`, earlier versions `custom`. */
function checkUiMode(ctx: RequestCtx, value: string | undefined): Stripe.Checkout.Session.UiMode {
  const elementsMode = ctx.version.features.elementsUiMode;
  const allowed: readonly string[] = UI_MODES[elementsMode];
  // Stripe's default is the hosted page, which the local Stripe does not serve.
  const mode = value ?? (elementsMode === 'custom' ? 'hosted' : 'hosted_page');
  if (!allowed.includes(mode)) throw invalid(`Invalid ui_mode: must be one of ${allowed.join(', ')}`, 'ui_mode');
  if (mode !== elementsMode) throw invalid(CHECKOUT_MSG.uiModeNotEmulated(mode), 'ui_mode');
  // `custom` is not in the SDK's (dahlia and later) union of ui_mode values.
  return mode as Stripe.Checkout.Session.UiMode;
}

function checkRequest(ctx: RequestCtx, params: CreateSessionParams, uiMode: string): void {
  if (params.return_url === undefined) throw invalid(CHECKOUT_MSG.returnUrlRequired(uiMode), 'return_url');
  for (const param of ['success_url', 'cancel_url', 'redirect_on_completion'] as const) {
    if (params[param] !== undefined) throw invalid(CHECKOUT_MSG.urlNotAllowed(param, uiMode), param);
  }
  if (params.mode === 'setup') throw invalid(CHECKOUT_MSG.setupNotEmulated, 'mode');
  if (params.automatic_tax?.enabled === true)
    throw invalid(CHECKOUT_MSG.automaticTaxNotEmulated, 'automatic_tax[enabled]');
  if (params.customer !== undefined && params.customer_email !== undefined)
    throw exclusive(CHECKOUT_MSG.customerAndEmail, 'customer_email');
  if (params.customer !== undefined) getCustomer(ctx, params.customer, 'customer');
  if (params.allow_promotion_codes !== undefined && params.discounts !== undefined)
    throw exclusive(DISCOUNT_MSG.exclusive, 'discounts');
  // Stripe refuses subscription_data outside subscription mode (the param is documented for it alone).
  if (params.subscription_data !== undefined && params.mode !== 'subscription')
    throw invalid(CHECKOUT_MSG.subscriptionDataMode(String(params.mode)), 'subscription_data');
  checkCreateTrial(ctx, params.subscription_data);
  const now = ctx.clock.now();
  if (params.expires_at !== undefined && (params.expires_at < now + MIN_EXPIRY || params.expires_at > now + DAY)) {
    throw invalid(CHECKOUT_MSG.expiresAtRange, 'expires_at');
  }
}

export function createSession(ctx: RequestCtx, params: CreateSessionParams): SessionRecord {
  const uiMode = checkUiMode(ctx, params.ui_mode);
  checkRequest(ctx, params, uiMode);
  const mode = params.mode;
  if (mode === undefined) throw missingParam('mode');
  if (mode === 'setup') throw invalid(CHECKOUT_MSG.setupNotEmulated, 'mode');
  const rawItems = params.line_items;
  if (!rawItems || rawItems.length === 0) throw invalid(CHECKOUT_MSG.lineItemsRequired(mode), 'line_items');
  const drafts = rawItems.map((item, index) => draftNewItem(ctx, item, `line_items[${index}]`));
  const currency = checkItemSet(drafts, mode);
  const shipping = draftShippingOptions(ctx, params.shipping_options, mode, currency);
  const subtotal = drafts.reduce((sum, draft) => sum + (draft.price.unit_amount ?? 0) * draft.quantity, 0);
  const discount = draftCreateDiscount(
    ctx,
    { currency, customer: params.customer ?? null, subtotal },
    params.discounts ?? [],
  );

  // Everything is valid: from here on, store.
  const id = newId('cs_test');
  const now = ctx.clock.now();
  const record: SessionRecord = {
    session: buildSession(ctx, params, { id, now, mode, uiMode, currency }),
    items: commitItems(ctx, drafts),
    showsLineItemPermission: ctx.version.features.lineItemPermission,
    updateLineItems: params.permissions?.update_line_items ?? null,
    paymentIntentData: params.payment_intent_data ?? null,
    subscriptionData: params.subscription_data ?? null,
    discount,
    updateDiscounts: params.permissions?.update_discounts ?? null,
  };
  record.session.shipping_options = commitShipping(ctx, shipping);
  selectShipping(ctx, record, null);
  return ctx.store.put('checkout.session', id, record);
}

type Basics = {
  id: string;
  now: number;
  mode: 'payment' | 'subscription';
  uiMode: Stripe.Checkout.Session.UiMode;
  currency: string;
};

function buildSession(ctx: RequestCtx, params: CreateSessionParams, b: Basics): Stripe.Checkout.Session {
  const countries = params.shipping_address_collection?.allowed_countries;
  return {
    id: b.id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: params.allow_promotion_codes ?? null,
    allowed_payment_method_types: null,
    amount_subtotal: 0,
    amount_total: 0,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: params.billing_address_collection ?? null,
    cancel_url: null,
    client_reference_id: params.client_reference_id ?? null,
    client_secret: `${b.id}_secret_${randomToken(24)}`,
    collected_information: { business_name: null, individual_name: null, shipping_details: null },
    consent: null,
    consent_collection: null,
    created: b.now,
    currency: b.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: params.customer ?? null,
    customer_account: null,
    customer_creation: b.mode === 'payment' ? (params.customer_creation ?? 'if_required') : null,
    customer_details: null,
    customer_email: params.customer_email ?? null,
    discounts: [],
    expires_at: params.expires_at ?? b.now + DAY,
    integration_identifier: null,
    invoice: null,
    invoice_creation: b.mode === 'payment' ? invoiceCreation(params.invoice_creation?.enabled === true) : null,
    livemode: false,
    // Any locale string is passed through, as the local Stripe does not translate.
    locale: (params.locale as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: { enabled: false },
    metadata: mergeMetadata({}, params.metadata),
    mode: b.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    // Defaults to `always` in payment mode too (the session object in Stripe's API reference, 2026-07-29.dahlia).
    payment_method_collection: params.payment_method_collection ?? 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: params.payment_method_types ?? ['card'],
    payment_status: 'unpaid',
    permissions: { update_shipping_details: params.permissions?.update_shipping_details ?? null },
    phone_number_collection: { enabled: params.phone_number_collection?.enabled === true },
    recovered_from: null,
    return_url: params.return_url,
    saved_payment_method_options: null,
    setup_intent: null,
    // Country codes are passed through unchecked (a choice: the list is long and changes).
    shipping_address_collection: countries
      ? { allowed_countries: countries as Stripe.Checkout.Session.ShippingAddressCollection.AllowedCountry[] }
      : null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: params.submit_type ?? null,
    subscription: null,
    success_url: null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: b.uiMode,
    url: null,
    wallet_options: null,
  };
}

function invoiceCreation(enabled: boolean): Stripe.Checkout.Session.InvoiceCreation {
  return {
    enabled,
    invoice_data: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: null,
      metadata: {},
      rendering_options: null,
    },
  };
}
