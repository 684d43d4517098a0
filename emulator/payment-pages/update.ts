// POST /v1/payment_pages/:id: the buyer's changes (email, shipping rate, quantities of adjustable
// items, shipping details, a promotion code or '' to remove it). Validates the whole request, then
// applies it.
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { requireOpen } from '../checkout/expiry';
import { checkQuantityBounds } from '../checkout/line-items';
import { QUANTITY, SHIPPING_DETAILS } from '../checkout/params';
import {
  checkShippingCountry,
  recompute,
  selectShipping,
  setShippingDetails,
  shippingDetailsOf,
} from '../checkout/session-changes';
import { arr, obj, str, type ParamsOf } from '../http/params';
import { checkEmail, checkShippingDetailsAllowed, setBuyerEmail } from './buyer';
import { draftPromotionCode } from './promotion-code';
import { CLIENT_MSG } from './messages';
import { clientView, loadWithSecret, type ClientSession } from './view';

export const BUYER_UPDATE_FIELDS = {
  client_secret: str({ required: true }),
  email: str({ max: 512 }),
  shipping_rate: str(),
  line_items: arr(obj({ id: str({ required: true }), quantity: QUANTITY })),
  shipping_details: SHIPPING_DETAILS,
  promotion_code: str(),
};

export function updatePaymentPage(
  ctx: RequestCtx,
  params: ParamsOf<typeof BUYER_UPDATE_FIELDS>,
  id: string,
): ClientSession {
  const record = requireOpen(loadWithSecret(ctx, id, params.client_secret));
  const session = record.session;
  const { promotion_code: promotionCode, shipping_rate: shippingRate } = params;
  const discount = promotionCode !== undefined ? draftPromotionCode(ctx, record, promotionCode) : undefined;
  checkEmail(params.email);
  if (shippingRate !== undefined && !session.shipping_options.some((option) => option.shipping_rate === shippingRate)) {
    throw invalid(CLIENT_MSG.shippingRateNotOffered(shippingRate), 'shipping_rate');
  }
  const changes = params.line_items ?? [];
  if (changes.length > 0 && record.updateLineItems === 'server_only') {
    throw invalid(CLIENT_MSG.lineItemsServerOnly, 'line_items', 'checkout_session_permission_denied');
  }
  const quantities = changes.map((change, index) => {
    const param = `line_items[${index}]`;
    const item = record.items.find((candidate) => candidate.id === change.id);
    if (!item) throw invalid(CLIENT_MSG.unknownItem(change.id), `${param}[id]`);
    if (!item.adjustable_quantity?.enabled) throw invalid(CLIENT_MSG.notAdjustable(item.id), `${param}[quantity]`);
    if (change.quantity === undefined)
      throw invalid(CLIENT_MSG.quantityRequired(param), `${param}[quantity]`, 'parameter_missing');
    checkQuantityBounds(change.quantity, item.adjustable_quantity, param);
    return { item, quantity: change.quantity };
  });
  // A quantity of 0 removes the item (Stripe: "If your customer removes a line item, it is also removed
  // from the line items response"), but never the last one ("Checkout prevents the customer from removing
  // an item if it is the only item remaining"): docs.stripe.com/payments/checkout/adjustable-quantity.
  const removed = new Set(quantities.filter((change) => change.quantity === 0).map((change) => change.item.id));
  if (removed.size > 0 && record.items.every((item) => removed.has(item.id))) {
    const last = quantities.findIndex((change) => change.quantity === 0);
    throw invalid(CLIENT_MSG.lastItem, `line_items[${last}][quantity]`);
  }
  if (params.shipping_details !== undefined) {
    checkShippingDetailsAllowed(record);
    checkShippingCountry(record, params.shipping_details, 'shipping_details');
  }

  for (const { item, quantity } of quantities) item.quantity = quantity;
  record.items = record.items.filter((item) => !removed.has(item.id));
  if (discount !== undefined) record.discount = discount;
  if (params.email !== undefined) setBuyerEmail(record, params.email);
  if (params.shipping_details !== undefined) setShippingDetails(record, shippingDetailsOf(params.shipping_details));
  if (shippingRate !== undefined) selectShipping(ctx, record, shippingRate);
  else recompute(ctx, record);
  return clientView(ctx, record);
}
