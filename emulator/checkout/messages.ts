// Message templates of Checkout Session rules. Where Stripe's exact wording is not published
// (API-NOTES §4 lists those), the wording is ours and says what to fix.
export const CHECKOUT_MSG = {
  lineItemsRequired: (mode: string) => `\`line_items\` is required in \`${mode}\` mode.`,
  atLeastOneItem: 'A Checkout Session needs at least one line item.',
  tooManyItems: 'You may only specify up to 100 line items.',
  tooManySubscriptionItems: (kind: string) =>
    `In \`subscription\` mode you may specify up to 20 line items with ${kind} prices.`,
  priceAndPriceData: 'You may only specify one of these parameters: price, price_data.',
  priceInactive: 'The price specified is inactive. This field only accepts active prices.',
  newItemNeedsPrice: (param: string) =>
    `${param} has no \`id\`, so it is a new line item: it needs a \`price\` or \`price_data\`.`,
  quantityRequired: (param: string) => `Quantity is required. Add \`quantity\` to \`${param}\``,
  unknownItem: (id: string) => `The line item \`${id}\` does not exist on this Checkout Session.`,
  repeatedItem: (id: string) =>
    `The line item \`${id}\` appears more than once in \`line_items\`; each item may be sent once.`,
  adjustableMax: (max: number) => `adjustable_quantity.maximum must be at most ${max}.`,
  adjustableOrder: 'adjustable_quantity.minimum must be less than or equal to adjustable_quantity.maximum.',
  quantityOutOfRange: (q: number, min: number, max: number) =>
    `The quantity (${q}) must be within the adjustable_quantity range: between ${min} and ${max}.`,
  currencyMismatch: (a: string, b: string) =>
    `All line items must use the same currency; this one uses \`${b}\` while the session uses \`${a}\`.`,
  recurringInPayment:
    'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
  noRecurringInSubscription: 'You must provide at least one recurring price in `subscription` mode when using prices.',
  mixedIntervals: 'Checkout does not support multiple prices with different billing intervals in one session.',
  taxRateInactive: 'The tax rate specified is inactive. This field only accepts active tax rates.',
  shippingTooMany: 'You may only specify up to 5 shipping options.',
  shippingNotInSubscription:
    "shipping_options is only supported in `payment` mode. Shipping rates aren't available in subscription mode.",
  shippingRateXorData: 'You must specify exactly one of these parameters: shipping_rate, shipping_rate_data.',
  shippingRateInactive: 'The shipping rate specified is inactive.',
  shippingCurrency: (rate: string, session: string) =>
    `The shipping rate's currency (${rate}) must match the currency of the Checkout Session (${session}).`,
  countryNotAllowed: (country: string, allowed: readonly string[]) =>
    `The shipping address country \`${country}\` is not one of this Checkout Session's shipping_address_collection.allowed_countries (${allowed.join(', ')}).`,
  notOpen: (status: string) =>
    `This Checkout Session is no longer active (its status is \`${status}\`); only open, unexpired sessions can be updated.`,
  expireNotOpen: (status: string) =>
    `Only Checkout Sessions with a status of \`open\` can be expired (this one is \`${status}\`).`,
  uiModeNotEmulated: (mode: string) =>
    `The local Stripe emulates Elements Checkout Sessions only (ui_mode=elements, or ui_mode=custom under the seed beta); ui_mode=${mode} is not emulated.`,
  returnUrlRequired: (mode: string) => `The \`return_url\` parameter is required when \`ui_mode\` is \`${mode}\`.`,
  urlNotAllowed: (param: string, mode: string) =>
    `The \`${param}\` parameter is not allowed when \`ui_mode\` is \`${mode}\`.`,
  subscriptionDataMode: (mode: string) =>
    `\`subscription_data\` can only be used in \`subscription\` mode, not in \`${mode}\` mode.`,
  setupNotEmulated: 'The local Stripe does not emulate `setup` mode.',
  automaticTaxNotEmulated: 'The local Stripe does not emulate Stripe Tax: use tax_rates on line items instead.',
  customerAndEmail: 'You may only specify one of these parameters: customer, customer_email.',
  expiresAtRange: 'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
} as const;
