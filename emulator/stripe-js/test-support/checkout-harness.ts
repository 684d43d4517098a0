import assert from 'node:assert/strict';
import { createStripe } from '../stripe-instance';
import type { ServerSession } from '../server-session';
import { CLIENT_SECRET, fakeTransport, serverSession } from './fixtures';
import { fakeElements } from './fake-elements';

// A local Stripe.js wired to a fake transport and fake elements, as the unit tests drive it.
export function setup(
  initial: ServerSession = serverSession(),
  clientSecret: string | Promise<string> = CLIENT_SECRET,
  timeoutMs?: number,
) {
  const transport = fakeTransport(initial);
  const elements = fakeElements();
  const navigations: string[] = [];
  const stripe = createStripe('pk_test_123', undefined, {
    transport: () => transport,
    elements: elements.factory,
    navigate: (url) => navigations.push(url),
    serverUpdateTimeoutMs: timeoutMs,
  });
  const sdk = stripe.initCheckoutElementsSdk({ clientSecret });
  return { stripe, sdk, transport, elements, navigations };
}

export async function loaded(initial?: ServerSession) {
  const parts = setup(initial);
  const result = await parts.sdk.loadActions();
  assert.equal(result.type, 'success');
  if (result.type !== 'success') throw new Error('unreachable');
  return { ...parts, actions: result.actions };
}
