'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import type { ErrorSource } from '@/components/checkout/use-checkout-errors';

export const UPDATE_FAILED_MESSAGE = "We couldn't update your order. Please try again.";

class EndpointError extends Error {}

export type UpdateOptions = {
  /** Where a refusal is shown. */
  source: ErrorSource;
  /**
   * Where focus goes afterwards when the control the buyer used is gone (a removed line, an added
   * cross-sell): `data-focus-key` values, tried in order. The control itself is always tried first.
   */
  focusAfter?: string[];
};

/**
 * Runs one of our narrow update endpoints inside Stripe.js's runServerUpdate: Stripe.js holds the checkout
 * while our server changes the session, then fetches it again. Our endpoint's own answer is checked too:
 * a non-2xx throws inside the function, so Stripe.js reports the update as failed and keeps the session.
 * Focus stays where the buyer was: the session re-renders the page, and whatever was focused may have been
 * replaced; afterwards focus returns to the same control (by its `data-focus-key`) or the next one named.
 */
export function useServerUpdate(
  checkout: Pick<StripeCheckoutElementsValue, 'runServerUpdate'>,
  setError: (source: ErrorSource, message: string | null) => void,
) {
  const [pending, setPending] = useState(false);
  // Counts finished updates, refusals included: fields that keep a draft (the quantity) show the
  // session's value again after each one.
  const [revision, setRevision] = useState(0);
  const focusTargets = useRef<string[] | null>(null);

  useEffect(() => {
    if (pending || !focusTargets.current) return;
    const targets = focusTargets.current;
    focusTargets.current = null;
    restoreFocus(targets);
  }, [pending]);

  /** Runs `work` (which answers null, or the buyer's message) with the page's pending state and focus kept. */
  const track = useCallback(
    async (options: UpdateOptions, work: () => Promise<string | null>): Promise<boolean> => {
      const used = document.activeElement?.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey;
      focusTargets.current = [...(used ? [used] : []), ...(options.focusAfter ?? [])];
      setPending(true);
      setError(options.source, null);
      try {
        const message = await work();
        setError(options.source, message);
        return message === null;
      } catch {
        setError(options.source, UPDATE_FAILED_MESSAGE);
        return false;
      } finally {
        setPending(false);
        setRevision((count) => count + 1);
      }
    },
    [setError],
  );

  const run = useCallback(
    (path: string, body: Record<string, unknown>, options: UpdateOptions): Promise<boolean> =>
      track(options, async () => {
        let endpointMessage: string | null = null;
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
        if (result.type === 'success') return null;
        // A failed update may still have changed the session (Stripe answered late, or our server
        // re-read it): an empty server update fetches the session again, so the page shows what Stripe holds.
        await checkout.runServerUpdate(async () => {});
        return endpointMessage ?? UPDATE_FAILED_MESSAGE;
      }),
    [checkout, track],
  );

  return { run, track, pending, revision };
}

/**
 * When the update left focus nowhere (the focused control was re-rendered away), focus the first of `keys`
 * in the page. A buyer who has moved on meanwhile keeps their place.
 */
export function restoreFocus(keys: string[]) {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const key of keys) {
      const target = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
      if (target) return target.focus();
    }
  });
}

const isSuccess = (payload: unknown) =>
  typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'success';

const messageOf = (payload: unknown) => {
  const message = typeof payload === 'object' && payload !== null ? (payload as { message?: unknown }).message : null;
  return typeof message === 'string' ? message : null;
};
