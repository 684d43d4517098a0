// Params of Checkout Session create and update, as in Stripe's spec (openapi excerpts), per API version:
// the server-update beta adds `permissions[update_line_items]`, `permissions[update_discounts]`, and on
// update `discounts` and `subscription_data` (trials); `line_items` is an update param from
// 2025-12-15.clover (or under the beta) on.
import { arr, bool, int, map, obj, str, when, type ParamsOf } from '../http/params';
import { ADDRESS_FIELDS, countryCode, CURRENCY, METADATA } from '../resources/common';
import { COUPON_TERMS } from '../resources/coupons';
import { PRICE_DATA_FIELDS } from '../resources/prices';
import { SHIPPING_RATE_DATA } from '../resources/shipping-rates';

/** Stripe's largest line item quantity (and adjustable_quantity maximum). */
export const MAX_QUANTITY = 999999;

const ADJUSTABLE_FIELDS = { enabled: bool({ required: true }), maximum: int(), minimum: int() };
export type AdjustableParams = ParamsOf<typeof ADJUSTABLE_FIELDS>;

// A line item's `price_data` has no lookup key, nickname or active flag of its own.
const PRICE_DATA = obj(PRICE_DATA_FIELDS);

export const QUANTITY = int({ min: 0, max: MAX_QUANTITY });

const LINE_ITEM_FIELDS = {
  adjustable_quantity: obj(ADJUSTABLE_FIELDS),
  metadata: METADATA,
  price: str({ max: 5000 }),
  price_data: PRICE_DATA,
  quantity: QUANTITY,
  tax_rates: arr(str()),
};
const UPDATE_LINE_ITEM_FIELDS = {
  ...LINE_ITEM_FIELDS,
  id: str({ max: 5000 }),
  metadata: map(),
  tax_rates: arr(str(), { emptyable: true }),
};
/** A line item of an update; a create's line item is the same without `id`. */
export type LineItemParams = ParamsOf<typeof UPDATE_LINE_ITEM_FIELDS>;

const SHIPPING_OPTION_FIELDS = { shipping_rate: str({ max: 5000 }), shipping_rate_data: obj(SHIPPING_RATE_DATA) };
export type ShippingOptionParams = ParamsOf<typeof SHIPPING_OPTION_FIELDS>;
const SHIPPING_OPTION = obj(SHIPPING_OPTION_FIELDS);

const SHIPPING_DETAILS_FIELDS = {
  name: str({ max: 255, required: true }),
  address: obj(
    { ...ADDRESS_FIELDS, country: countryCode({ required: true, inAddress: true }), line1: str({ required: true }) },
    { required: true },
  ),
};
/** `collected_information[shipping_details]` on update, and `shipping_details` from the buyer's Stripe.js. */
export const SHIPPING_DETAILS = obj(SHIPPING_DETAILS_FIELDS);
export type ShippingDetailsParams = ParamsOf<typeof SHIPPING_DETAILS_FIELDS>;

const PERMISSION = str({ enum: ['client_only', 'server_only'] });

export const CREATE_SESSION_FIELDS = {
  mode: str({ enum: ['payment', 'setup', 'subscription'] }),
  ui_mode: str(),
  line_items: arr(obj(LINE_ITEM_FIELDS)),
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
  discounts: arr(obj({ coupon: str(), promotion_code: str() })),
  billing_address_collection: str({ enum: ['auto', 'required'] }),
  phone_number_collection: obj({ enabled: bool({ required: true }) }),
  shipping_address_collection: obj({ allowed_countries: arr(countryCode({ inAddress: false }), { required: true }) }),
  shipping_options: arr(SHIPPING_OPTION),
  automatic_tax: obj({ enabled: bool({ required: true }) }),
  invoice_creation: obj({ enabled: bool({ required: true }) }),
  payment_method_types: arr(str()),
  payment_method_collection: str({ enum: ['always', 'if_required'] }),
  payment_intent_data: obj({
    metadata: METADATA,
    description: str(),
    receipt_email: str(),
    statement_descriptor: str(),
  }),
  subscription_data: obj({
    metadata: METADATA,
    description: str(),
    trial_period_days: int({ min: 1 }),
    trial_end: int(),
  }),
  permissions: obj({
    update_shipping_details: PERMISSION,
    update_line_items: when((features) => features.lineItemPermission, PERMISSION),
    update_discounts: when((features) => features.discountUpdates, PERMISSION),
  }),
};
export type CreateSessionParams = ParamsOf<typeof CREATE_SESSION_FIELDS>;

/** The GA update operation of the spec excerpt; before clover (without the beta) no `line_items`. */
export const UPDATE_SESSION_FIELDS = {
  line_items: when((features) => features.lineItemUpdates, arr(obj(UPDATE_LINE_ITEM_FIELDS))),
  shipping_options: arr(SHIPPING_OPTION, { emptyable: true }),
  collected_information: obj({ shipping_details: SHIPPING_DETAILS }),
  metadata: METADATA,
  discounts: when(
    (features) => features.discountUpdates,
    arr(obj({ coupon: str(), coupon_data: obj(COUPON_TERMS) }), { emptyable: true }),
  ),
  subscription_data: when(
    (features) => features.trialUpdates,
    obj({ trial_period_days: int({ min: 1, emptyable: true }), trial_end: int({ emptyable: true }) }),
  ),
};
export type UpdateSessionParams = ParamsOf<typeof UPDATE_SESSION_FIELDS>;
