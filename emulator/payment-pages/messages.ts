// Messages of the buyer-side (publishable key) endpoints.
export const CLIENT_MSG = {
  lineItemsServerOnly:
    'This Checkout Session only allows line items to be updated from your server (permissions.update_line_items is server_only).',
  shippingServerOnly:
    'This Checkout Session only allows shipping details to be updated from your server (permissions.update_shipping_details is server_only).',
  notAdjustable: (id: string) =>
    `The quantity of line item \`${id}\` cannot be changed: its adjustable_quantity is not enabled.`,
  unknownItem: (id: string) => `The line item \`${id}\` does not exist on this Checkout Session.`,
  lastItem: 'The only remaining line item cannot be removed: a Checkout Session needs at least one line item.',
  quantityRequired: (param: string) => `Missing required param: ${param}[quantity].`,
  shippingRateNotOffered: (id: string) =>
    `The shipping rate \`${id}\` is not one of this Checkout Session's shipping options.`,
  discountsServerOnly:
    'This Checkout Session only allows discounts to be updated from your server (permissions.update_discounts is server_only).',
  notAPromotionCode:
    'The discount on this Checkout Session was not applied with a promotion code, so it cannot be removed here.',
  invalidEmail: 'The email address is invalid.',
  emailRequired: 'An email address is required to complete this Checkout Session.',
  shippingRequired: 'A shipping address is required to complete this Checkout Session.',
  amountChanged: (expected: number, actual: number) =>
    `The total of this Checkout Session changed (expected ${expected}, now ${actual}). Review the updated total and confirm again.`,
} as const;
