// POST /v1/payment_pages/:id: the buyer's changes (email, shipping rate, quantities of adjustable
// items, shipping details; promotion codes are refused). Validates the whole request, then applies it.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import { invalid } from '../core/errors';
import { arr, int, obj, str, type Params, type Spec } from '../http/params';
import { checkQuantityBounds } from '../checkout/line-items';
import { recompute, selectShipping } from '../checkout/view';
import { checkEmail, checkShippingDetailsAllowed, requireOpen, setBuyerEmail, SHIPPING_DETAILS, shippingDetailsOf } from './buyer';
import { CLIENT_MSG as M } from './messages';
import { clientView, loadWithSecret } from './view';

export const UPDATE_PARAMS: Record<string, Spec> = {
  client_secret: str({ required: true }),
  email: str({ max: 512 }),
  shipping_rate: str(),
  line_items: arr(obj({ id: str({ required: true }), quantity: int({ min: 0, max: 999999 }) })),
  shipping_details: SHIPPING_DETAILS,
  promotion_code: str(),
};

export function updatePaymentPage(ctx: RequestCtx, p: Params, id: string): Stripe.Checkout.Session {
  const record = loadWithSecret(ctx, id, p.client_secret);
  requireOpen(record);
  const s = record.session;
  // Promotion codes: none exist in the local Stripe, so any code is refused (a documented choice).
  if (typeof p.promotion_code === 'string') throw invalid(M.promotionCode(p.promotion_code), 'promotion_code', 'promotion_code_invalid');
  checkEmail(p.email);
  if (typeof p.shipping_rate === 'string' && !s.shipping_options.some((o) => o.shipping_rate === p.shipping_rate)) {
    throw invalid(M.shippingRateNotOffered(p.shipping_rate), 'shipping_rate');
  }
  const changes = (p.line_items as Params[] | undefined) ?? [];
  if (changes.length > 0 && record.updateLineItems === 'server_only') {
    throw invalid(M.lineItemsServerOnly, 'line_items', 'checkout_session_permission_denied');
  }
  changes.forEach((c, i) => {
    const param = `line_items[${i}]`;
    const item = record.items.find((it) => it.id === c.id);
    if (!item) throw invalid(M.unknownItem(String(c.id)), `${param}[id]`);
    if (!item.adjustable_quantity?.enabled) throw invalid(M.notAdjustable(item.id), `${param}[quantity]`);
    if (c.quantity === undefined) throw invalid(M.quantityRequired(param), `${param}[quantity]`, 'parameter_missing');
    checkQuantityBounds(c.quantity as number, item.adjustable_quantity, param);
  });
  // A quantity of 0 removes the item (Stripe: "If your customer removes a line item, it is also removed
  // from the line items response"), but never the last one ("Checkout prevents the customer from removing
  // an item if it is the only item remaining"): docs.stripe.com/payments/checkout/adjustable-quantity.
  const removed = new Set(changes.filter((c) => c.quantity === 0).map((c) => String(c.id)));
  if (removed.size > 0 && record.items.every((it) => removed.has(it.id))) {
    const last = changes.findIndex((c) => c.quantity === 0);
    throw invalid(M.lastItem, `line_items[${last}][quantity]`);
  }
  if (p.shipping_details !== undefined) checkShippingDetailsAllowed(record);

  for (const c of changes) {
    const item = record.items.find((it) => it.id === c.id);
    if (item) item.quantity = c.quantity as number;
  }
  record.items = record.items.filter((it) => !removed.has(it.id));
  if (typeof p.email === 'string') setBuyerEmail(record, p.email);
  if (p.shipping_details !== undefined) {
    s.collected_information = {
      business_name: s.collected_information?.business_name ?? null,
      individual_name: s.collected_information?.individual_name ?? null,
      shipping_details: shippingDetailsOf(p.shipping_details as Params),
    };
  }
  if (typeof p.shipping_rate === 'string') selectShipping(ctx, record, p.shipping_rate);
  else recompute(ctx, record);
  return clientView(ctx, record);
}
