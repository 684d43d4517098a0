'use client';
import { useCallback, useState } from 'react';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';

export const UPDATE_FAILED_MESSAGE = "We couldn't update your order. Please try again.";

class EndpointError extends Error {}

/**
 * Runs one of our narrow update endpoints inside Stripe.js's runServerUpdate: Stripe.js holds the checkout
 * while our server changes the session, then fetches it again. Our endpoint's own answer is checked too:
 * a non-2xx throws inside the function, so Stripe.js reports the update as failed and keeps the session.
 */
export function useServerUpdate(checkout: Pick<StripeCheckoutElementsValue, 'runServerUpdate'>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (path: string, body: Record<string, unknown>): Promise<boolean> => {
      setPending(true);
      setError(null);
      let endpointMessage: string | null = null;
      try {
        const result = await checkout.runServerUpdate(async () => {
          const send = () => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          let response = await send();
          // 409 with Retry-After: another tab's change to this checkout was still running. Once more, after it.
          if (response.status === 409 && response.headers.has('retry-after')) {
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            response = await send();
          }
          const payload: unknown = await response.json().catch(() => null);
          if (!response.ok || !isSuccess(payload)) {
            endpointMessage = messageOf(payload);
            throw new EndpointError(endpointMessage ?? `${path} answered ${response.status}`);
          }
          return payload;
        });
        if (result.type === 'error') {
          setError(endpointMessage ?? UPDATE_FAILED_MESSAGE);
          // A failed update may still have changed the session (Stripe answered late, or our server
          // re-read it): an empty server update fetches the session again, so the page shows what Stripe holds.
          await checkout.runServerUpdate(async () => {});
          return false;
        }
        return true;
      } finally {
        setPending(false);
      }
    },
    [checkout],
  );
  return { run, pending, error };
}

const isSuccess = (payload: unknown) =>
  typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'success';

const messageOf = (payload: unknown) => {
  const message = typeof payload === 'object' && payload !== null ? (payload as { message?: unknown }).message : null;
  return typeof message === 'string' ? message : null;
};
