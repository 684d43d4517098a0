// POST /v1/checkout/sessions/:id: the GA update (API-NOTES §2, §4), plus the preview's `discounts`
// and `subscription_data` trials (§6). Validates the whole request first (line items, shipping
// options, shipping details, discount, trial), then applies it, so a refused update changes nothing.
import type { RequestCtx } from '../core/context';
import type { SessionRecord } from '../core/session-record';
import { mergeMetadata } from '../resources/common';
import { loadOpenSession } from './expiry';
import { checkItemSet, commitItems, draftRetransmitted } from './line-items';
import { draftUpdateDiscount } from './discount-update';
import type { UpdateSessionParams } from './params';
import {
  checkShippingCountry,
  recompute,
  selectShipping,
  setShippingDetails,
  shippingDetailsOf,
} from './session-changes';
import { commitShipping, draftShippingOptions } from './shipping';
import { draftTrial } from './trial';

export function updateSession(ctx: RequestCtx, id: string, params: UpdateSessionParams): SessionRecord {
  const record = loadOpenSession(ctx, id);
  const session = record.session;
  const drafts = params.line_items ? draftRetransmitted(ctx, record, params.line_items) : null;
  const currency = drafts ? checkItemSet(drafts, session.mode) : (session.currency ?? 'usd');
  const shipping =
    params.shipping_options !== undefined
      ? draftShippingOptions(ctx, params.shipping_options, session.mode, currency)
      : null;
  if (!shipping && drafts && currency !== session.currency && session.shipping_options.length > 0) {
    // Kept shipping options must still match the (new) currency.
    const kept = session.shipping_options.map((option) => ({ shipping_rate: rateIdOf(option.shipping_rate) }));
    draftShippingOptions(ctx, kept, session.mode, currency);
  }
  const metadata = params.metadata !== undefined ? mergeMetadata(session.metadata, params.metadata) : null;
  const details = params.collected_information?.shipping_details;
  if (details) checkShippingCountry(record, details, 'collected_information[shipping_details]');
  const discount =
    params.discounts !== undefined ? draftUpdateDiscount(ctx, record, params.discounts, currency) : undefined;
  const subscriptionData =
    params.subscription_data !== undefined ? draftTrial(ctx, record, params.subscription_data) : undefined;

  if (drafts) record.items = commitItems(ctx, drafts);
  if (shipping) {
    session.shipping_options = commitShipping(ctx, shipping);
    const selected = session.shipping_cost?.shipping_rate;
    const selectedId = selected ? rateIdOf(selected) : null;
    const stillOffered = session.shipping_options.some((option) => rateIdOf(option.shipping_rate) === selectedId);
    selectShipping(ctx, record, stillOffered ? selectedId : null);
  }
  if (details) setShippingDetails(record, shippingDetailsOf(details));
  if (metadata) session.metadata = metadata;
  if (discount !== undefined) record.discount = discount.commit();
  if (subscriptionData !== undefined) record.subscriptionData = subscriptionData;
  recompute(ctx, record);
  return record;
}

/** A shipping rate field is an id, or the rate when expanded (never stored expanded, but typed so). */
function rateIdOf(rate: string | { id: string }): string {
  return typeof rate === 'string' ? rate : rate.id;
}
