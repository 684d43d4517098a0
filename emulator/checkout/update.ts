// POST /v1/checkout/sessions/:id: the GA update (API-NOTES §2, §4). Validates the whole request
// first (line items, shipping options, shipping details), then applies it, so a refused update
// changes nothing.
import type Stripe from 'stripe';
import type { RequestCtx } from '../core/context';
import type { Params } from '../http/params';
import { mergeMetadata, toAddress } from '../resources/common';
import { loadOpenSession } from './expiry';
import { checkItemSet, commitItems, draftRetransmitted } from './line-items';
import type { SessionRecord } from './session-record';
import { commitShipping, draftShippingOptions } from './shipping';
import { recompute, selectShipping } from './view';

export function updateSession(ctx: RequestCtx, id: string, p: Params): SessionRecord {
  const record = loadOpenSession(ctx, id);
  const s = record.session;
  const drafts = Array.isArray(p.line_items) ? draftRetransmitted(ctx, record, p.line_items as Params[]) : null;
  const currency = drafts ? checkItemSet(drafts, s.mode) : (s.currency ?? 'usd');
  const shipping = p.shipping_options !== undefined ? draftShippingOptions(ctx, p.shipping_options, s.mode, currency) : null;
  if (!shipping && drafts && currency !== s.currency && s.shipping_options.length > 0) {
    // Kept shipping options must still match the (new) currency.
    draftShippingOptions(ctx, s.shipping_options.map((o) => ({ shipping_rate: o.shipping_rate })), s.mode, currency);
  }
  const metadata = p.metadata !== undefined ? mergeMetadata(s.metadata, p.metadata) : null;

  if (drafts) record.items = commitItems(ctx, drafts);
  if (shipping) {
    s.shipping_options = commitShipping(ctx, shipping);
    const selected = s.shipping_cost?.shipping_rate;
    const stillOffered = s.shipping_options.some((o) => o.shipping_rate === selected);
    selectShipping(ctx, record, stillOffered ? String(selected) : null);
  }
  const details = (p.collected_information as Params | undefined)?.shipping_details as Params | undefined;
  if (details) {
    s.collected_information = {
      business_name: s.collected_information?.business_name ?? null,
      individual_name: s.collected_information?.individual_name ?? null,
      shipping_details: { name: details.name as string, address: toAddress(details.address as Params) as Stripe.Address },
    };
  }
  if (metadata) s.metadata = metadata;
  recompute(ctx, record);
  return record;
}
