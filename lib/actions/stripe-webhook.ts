import 'server-only';
import { readBody } from '@/lib/http';
import { verifyWebhookEvent, WEBHOOK_BODY_LIMIT } from '@/lib/stripe/webhooks';

/**
 * The event a Stripe webhook request carries, verified against its `Stripe-Signature` before anything reads it;
 * the raw body is bounded, so a huge one is refused unread. Throws (a 400) on a bad signature: no unsigned path.
 */
export async function verifiedStripeEvent(request: Request) {
  return verifyWebhookEvent(await readBody(request, WEBHOOK_BODY_LIMIT), request.headers.get('stripe-signature'));
}
