// The webhook route: signed events are acknowledged, anything else is refused before it is read.
import { expect, stripe, test } from './support';

const SECRET = process.env.E2E_WEBHOOK_SECRET!;
const eventBody = JSON.stringify({
  id: 'evt_e2e',
  object: 'event',
  type: 'customer.created',
  data: { object: { id: 'cus_e2e', object: 'customer' } },
});

test('a signed event is acknowledged', async ({ request }) => {
  const signature = stripe.webhooks.generateTestHeaderString({ payload: eventBody, secret: SECRET });
  const response = await request.post('/api/webhooks/stripe', {
    data: eventBody,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ received: true });
});

test('a wrong or missing signature is a 400', async ({ request }) => {
  const forged = stripe.webhooks.generateTestHeaderString({ payload: eventBody, secret: 'whsec_not_ours' });
  const variants: Array<Record<string, string>> = [{ 'stripe-signature': forged }, {}];
  for (const headers of variants) {
    const response = await request.post('/api/webhooks/stripe', {
      data: eventBody,
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('error');
  }
});
