// Params of Checkout Session create and update, as in Stripe's spec (openapi excerpts), per API version:
// the server-update beta adds `permissions[update_line_items]`; `line_items` is an update param from
// 2025-12-15.clover (or under the beta) on.
import type { RequestCtx } from '../core/context';
import { arr, bool, int, map, obj, str, type Spec } from '../http/params';
import { ADDRESS_FIELDS, CURRENCY, METADATA } from '../resources/common';
import { PRODUCT_DATA, RECURRING } from '../resources/prices';
import { SHIPPING_RATE_DATA } from '../resources/shipping-rates';

const ADJUSTABLE: Spec = obj({ enabled: bool({ required: true }), maximum: int(), minimum: int() });

const PRICE_DATA: Spec = obj({
  currency: { ...CURRENCY, required: true },
  product: str(),
  product_data: PRODUCT_DATA,
  recurring: RECURRING,
  tax_behavior: str({ enum: ['exclusive', 'inclusive', 'unspecified'] }),
  unit_amount: int({ min: 0 }),
  unit_amount_decimal: str(),
});

const QUANTITY: Spec = int({ min: 0, max: 999999 });

const CREATE_LINE_ITEM: Spec = obj({
  adjustable_quantity: ADJUSTABLE,
  metadata: METADATA,
  price: str({ max: 5000 }),
  price_data: PRICE_DATA,
  quantity: QUANTITY,
  tax_rates: arr(str()),
});

const UPDATE_LINE_ITEM: Spec = obj({
  adjustable_quantity: ADJUSTABLE,
  id: str({ max: 5000 }),
  metadata: map(),
  price: str({ max: 5000 }),
  price_data: PRICE_DATA,
  quantity: QUANTITY,
  tax_rates: arr(str(), { emptyable: true }),
});

const SHIPPING_OPTION: Spec = obj({ shipping_rate: str({ max: 5000 }), shipping_rate_data: obj(SHIPPING_RATE_DATA) });

const SHIPPING_DETAILS: Spec = obj({
  name: str({ max: 255, required: true }),
  address: obj({ ...ADDRESS_FIELDS, country: str({ required: true }), line1: str({ required: true }) }, { required: true }),
});

const PERMISSION = str({ enum: ['client_only', 'server_only'] });

export function createParams(ctx: RequestCtx): Record<string, Spec> {
  const permissions: Record<string, Spec> = { update_shipping_details: PERMISSION };
  if (ctx.version.features.lineItemPermission) permissions.update_line_items = PERMISSION;
  return {
    mode: str({ enum: ['payment', 'setup', 'subscription'] }),
    ui_mode: str(),
    line_items: arr(CREATE_LINE_ITEM),
    return_url: str({ max: 5000 }),
    success_url: str({ max: 5000 }),
    cancel_url: str({ max: 5000 }),
    redirect_on_completion: str({ enum: ['always', 'if_required', 'never'] }),
    customer: str(),
    customer_email: str(),
    customer_creation: str({ enum: ['always', 'if_required'] }),
    client_reference_id: str({ max: 200 }),
    currency: CURRENCY,
    metadata: METADATA,
    expires_at: int(),
    locale: str(),
    submit_type: str({ enum: ['auto', 'book', 'donate', 'pay', 'subscribe'] }),
    allow_promotion_codes: bool(),
    billing_address_collection: str({ enum: ['auto', 'required'] }),
    phone_number_collection: obj({ enabled: bool({ required: true }) }),
    shipping_address_collection: obj({ allowed_countries: arr(str(), { required: true }) }),
    shipping_options: arr(SHIPPING_OPTION),
    automatic_tax: obj({ enabled: bool({ required: true }) }),
    invoice_creation: obj({ enabled: bool({ required: true }) }),
    payment_method_types: arr(str()),
    payment_method_collection: str({ enum: ['always', 'if_required'] }),
    payment_intent_data: obj({ metadata: METADATA, description: str(), receipt_email: str(), statement_descriptor: str() }),
    subscription_data: obj({ metadata: METADATA, description: str(), trial_period_days: int({ min: 1 }) }),
    permissions: obj(permissions),
  };
}

/** The GA update operation of the spec excerpt; before clover (without the beta) no `line_items`. */
export function updateParams(ctx: RequestCtx): Record<string, Spec> {
  return {
    ...(ctx.version.features.lineItemUpdates ? { line_items: arr(UPDATE_LINE_ITEM) } : {}),
    shipping_options: arr(SHIPPING_OPTION, { emptyable: true }),
    collected_information: obj({ shipping_details: SHIPPING_DETAILS }),
    metadata: METADATA,
  };
}
