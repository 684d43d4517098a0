// Cancelling a subscription at once (DELETE /v1/subscriptions/:id): status `canceled`, `canceled_at` and
// `ended_at` now, `cancellation_details.reason` `cancellation_requested`, and `customer.subscription.deleted`
// (Stripe's API reference, "Cancel a subscription"). No final or proration invoice is made: `invoice_now` and
// `prorate` are accepted and ignored, a choice (the local Stripe bills nothing after the first invoice).
// A canceled subscription cannot be canceled again (a choice of wording; Stripe refuses it too).
import type Stripe from 'stripe';
import { invalid, notFound } from '../core/errors';
import { respond } from '../core/respond';
import { bool, obj, str } from '../http/params';
import { route, type Route } from '../http/router';

const FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;

const CANCEL_FIELDS = {
  cancellation_details: obj({
    comment: str({ max: 5000, emptyable: true }),
    feedback: str({ enum: FEEDBACK, emptyable: true }),
  }),
  invoice_now: bool(),
  prorate: bool(),
};

export const subscriptionCancelRoutes: Route[] = [
  route({
    method: 'DELETE',
    pattern: '/v1/subscriptions/:id',
    auth: 'secret',
    params: CANCEL_FIELDS,
    handle: (ctx, params, path) => {
      const id = path.id ?? '';
      const sub = ctx.store.get('subscription', id);
      if (!sub) throw notFound('subscription', id);
      if (sub.status === 'canceled')
        // Stripe's code for cancelling twice is not in its published list (unconfirmed): the refusal carries none.
        throw invalid(`This subscription (${id}) is already canceled.`, 'id');
      const now = ctx.clock.now();
      const previous = { status: sub.status, canceled_at: sub.canceled_at, ended_at: sub.ended_at };
      const details = params.cancellation_details;
      sub.status = 'canceled';
      sub.canceled_at = now;
      sub.ended_at = now;
      sub.cancellation_details = {
        comment: details?.comment || null,
        feedback: (details?.feedback || null) as Stripe.Subscription.CancellationDetails.Feedback | null,
        feedback_option: null,
        reason: 'cancellation_requested',
      };
      ctx.events.emit(ctx, 'customer.subscription.deleted', structuredClone(sub), previous);
      return respond(ctx, sub, params.expand);
    },
  }),
];
