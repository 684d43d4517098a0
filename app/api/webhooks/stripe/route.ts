import { fulfilCheckout } from '@/lib/actions/fulfil-checkout';
import { releaseCheckout } from '@/lib/actions/release-checkout';
import { syncRefunds } from '@/lib/actions/sync-refunds';
import { verifiedStripeEvent } from '@/lib/actions/stripe-webhook';
import { errorResponse, jsonAnswer } from '@/lib/http';

// Stripe's webhooks: the raw body (bounded, so a huge one is refused unread) is verified before anything reads it. Each event is acted on once (its id
// is recorded in the same transaction); a failure answers 500, so Stripe delivers it again.
export async function POST(request: Request) {
  try {
    const event = await verifiedStripeEvent(request);
    const { objectId } = event;
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        if (objectId) await fulfilCheckout(objectId, 'webhook', event);
        break;
      }
      case 'checkout.session.expired':
      case 'checkout.session.async_payment_failed': {
        if (objectId) await releaseCheckout({ ...event, objectId });
        break;
      }
      case 'charge.refunded':
      case 'refund.created':
      case 'refund.updated': {
        if (objectId) await syncRefunds(objectId);
        break;
      }
      default: {
        // Acknowledged: the endpoint may be subscribed to more events than this storefront acts on.
      }
    }
    return jsonAnswer({ received: true });
  } catch (error) {
    return errorResponse(error, 'POST /api/webhooks/stripe');
  }
}
