import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { stripe } from '@/lib/stripe/client';

/** What the app needs of a Stripe event: its type and the id of the object it is about. */
export type WebhookEvent = { id: string; type: string; objectId: string | null };

/** Stripe's events are a few kilobytes (line items are never embedded): anything near this is not Stripe. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

/**
 * Verifies a webhook's signature against STRIPE_WEBHOOK_SECRET and returns the event. There is no
 * unsigned fallback: a request without a valid signature is a 400, whatever its body says.
 */
export function verifyWebhookEvent(payload: Uint8Array, signature: string | null): WebhookEvent {
  const secret = env().webhookSecret;
  if (!secret) throw new AppError('webhook_not_configured', 500, 'STRIPE_WEBHOOK_SECRET is not set');
  if (!signature) throw new AppError('webhook_signature', 400, 'The request has no Stripe-Signature header');
  try {
    const event = stripe().webhooks.constructEvent(Buffer.from(payload), signature, secret);
    const object = event.data.object as { id?: unknown };
    return { id: event.id, type: event.type, objectId: typeof object.id === 'string' ? object.id : null };
  } catch (error) {
    throw new AppError('webhook_signature', 400, `Webhook signature check failed: ${(error as Error).message}`);
  }
}
