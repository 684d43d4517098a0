// The `Stripe-Signature` header Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`
// keyed by the endpoint's `whsec_` secret (the whole string, as stripe-node verifies it).
import { createHmac } from 'node:crypto';
import { randomToken } from '../core/ids';

export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export const newWebhookSecret = () => `whsec_${randomToken(32)}`;
