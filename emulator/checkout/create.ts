// POST /v1/checkout/sessions: validate everything (API-NOTES §4, profiles §1), then store.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid, missingParam } from '../core/errors';
import { newId, randomToken } from '../core/ids';
import type { Params } from '../http/params';
import { mergeMetadata } from '../resources/common';
import { getCustomer } from '../resources/customers';
import { checkItemSet, commitItems, draftNewItem } from './line-items';
import { CHECKOUT_MSG as M } from './messages';
import type { SessionRecord } from './session-record';
import { commitShipping, draftShippingOptions } from './shipping';
import { selectShipping } from './view';

const DAY = 24 * 60 * 60;
const MIN_EXPIRY = 30 * 60;
// Values Stripe renamed in 2026-03-25.dahlia; each version refuses the other era's names (API-NOTES §1).
const UI_MODES = {
  elements: ['elements', 'embedded_page', 'form', 'hosted_page'],
  custom: ['custom', 'embedded', 'hosted'],
} as const;

/** The session's ui_mode, or a refusal: dahlia and later take `elements`, earlier versions `custom`. */
function checkUiMode(ctx: RequestCtx, value: unknown): Stripe.Checkout.Session.UiMode {
  const elementsMode = ctx.version.features.elementsUiMode;
  const allowed: readonly string[] = UI_MODES[elementsMode];
  // Stripe's default is the hosted page, which the local Stripe does not serve.
  const mode = typeof value === 'string' ? value : elementsMode === 'custom' ? 'hosted' : 'hosted_page';
  if (!allowed.includes(mode)) throw invalid(`Invalid ui_mode: must be one of ${allowed.join(', ')}`, 'ui_mode');
  if (mode !== elementsMode) throw invalid(M.uiModeNotEmulated(mode), 'ui_mode');
  // `custom` is not in the SDK's (dahlia and later) union of ui_mode values.
  return mode as Stripe.Checkout.Session.UiMode;
}

function checkRequest(ctx: RequestCtx, p: Params, uiMode: string): void {
  if (p.return_url === undefined) throw invalid(M.returnUrlRequired(uiMode), 'return_url');
  for (const param of ['success_url', 'cancel_url', 'redirect_on_completion']) {
    if (p[param] !== undefined) throw invalid(M.urlNotAllowed(param, uiMode), param);
  }
  if (p.mode === 'setup') throw invalid(M.setupNotEmulated, 'mode');
  if ((p.automatic_tax as Params | undefined)?.enabled === true) throw invalid(M.automaticTaxNotEmulated, 'automatic_tax[enabled]');
  if (p.customer !== undefined && p.customer_email !== undefined) throw invalid(M.customerAndEmail, 'customer_email');
  if (typeof p.customer === 'string') getCustomer(ctx, p.customer, 'customer');
  const now = ctx.clock.now();
  if (typeof p.expires_at === 'number' && (p.expires_at < now + MIN_EXPIRY || p.expires_at > now + DAY)) {
    throw invalid(M.expiresAtRange, 'expires_at');
  }
}

export function createSession(ctx: RequestCtx, p: Params): SessionRecord {
  const uiMode = checkUiMode(ctx, p.ui_mode);
  checkRequest(ctx, p, uiMode);
  if (p.mode === undefined) throw missingParam('mode');
  const mode = p.mode as Stripe.Checkout.Session.Mode;
  const rawItems = p.line_items as Params[] | undefined;
  if (!rawItems || rawItems.length === 0) throw invalid(M.lineItemsRequired(mode), 'line_items');
  const drafts = rawItems.map((item, i) => draftNewItem(ctx, item, `line_items[${i}]`));
  const currency = checkItemSet(drafts, mode);
  const shipping = draftShippingOptions(ctx, p.shipping_options, mode, currency);

  // Everything is valid: from here on, store.
  const id = newId('cs_test');
  const now = ctx.clock.now();
  const permissions = (p.permissions ?? {}) as Params;
  const record: SessionRecord = {
    session: buildSession(ctx, p, { id, now, mode, uiMode, currency }),
    items: commitItems(ctx, drafts),
    showsLineItemPermission: ctx.version.features.lineItemPermission,
    updateLineItems: (permissions.update_line_items as SessionRecord['updateLineItems'] | undefined) ?? null,
    paymentIntentData: (p.payment_intent_data as Params | undefined) ?? null,
    subscriptionData: (p.subscription_data as Params | undefined) ?? null,
  };
  record.session.shipping_options = commitShipping(ctx, shipping);
  selectShipping(ctx, record, null);
  return ctx.store.put('checkout.session', id, record);
}

type Basics = { id: string; now: number; mode: Stripe.Checkout.Session.Mode; uiMode: Stripe.Checkout.Session.UiMode; currency: string };

function buildSession(ctx: RequestCtx, p: Params, b: Basics): Stripe.Checkout.Session {
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  const permissions = (p.permissions ?? {}) as Params;
  const countries = (p.shipping_address_collection as Params | undefined)?.allowed_countries as string[] | undefined;
  return {
    id: b.id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: (p.allow_promotion_codes as boolean | undefined) ?? null,
    allowed_payment_method_types: null,
    amount_subtotal: 0,
    amount_total: 0,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: (p.billing_address_collection as Stripe.Checkout.Session.BillingAddressCollection | undefined) ?? null,
    cancel_url: null,
    client_reference_id: s(p.client_reference_id),
    client_secret: `${b.id}_secret_${randomToken(24)}`,
    collected_information: { business_name: null, individual_name: null, shipping_details: null },
    consent: null,
    consent_collection: null,
    created: b.now,
    currency: b.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: s(p.customer),
    customer_account: null,
    customer_creation: b.mode === 'payment' ? ((p.customer_creation as 'always' | undefined) ?? 'if_required') : null,
    customer_details: null,
    customer_email: s(p.customer_email),
    discounts: [],
    expires_at: (p.expires_at as number | undefined) ?? b.now + DAY,
    integration_identifier: null,
    invoice: null,
    invoice_creation: b.mode === 'payment' ? invoiceCreation((p.invoice_creation as Params | undefined)?.enabled === true) : null,
    livemode: false,
    locale: (p.locale as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: { enabled: false },
    metadata: mergeMetadata({}, p.metadata),
    mode: b.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    // Defaults to `always` in payment mode too (the session object in Stripe's API reference, 2026-07-29.dahlia).
    payment_method_collection: (p.payment_method_collection as Stripe.Checkout.Session.PaymentMethodCollection | undefined) ?? 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: (p.payment_method_types as string[] | undefined) ?? ['card'],
    payment_status: 'unpaid',
    permissions: { update_shipping_details: (permissions.update_shipping_details as 'server_only' | undefined) ?? null },
    phone_number_collection: { enabled: (p.phone_number_collection as Params | undefined)?.enabled === true },
    recovered_from: null,
    return_url: p.return_url as string,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: countries ? { allowed_countries: countries as Stripe.Checkout.Session.ShippingAddressCollection.AllowedCountry[] } : null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: (p.submit_type as Stripe.Checkout.Session.SubmitType | undefined) ?? null,
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
