'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { callBuyerEndpoint } from '@/components/buyer-api';
import type { ErrorSource } from '@/components/checkout/use-checkout-errors';
import type { BodyOf, CHECKOUT_UPDATES, CheckoutUpdate } from '@/lib/buyer-api';
import { BUYER_PATHS } from '@/lib/buyer-paths';

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

  /** Runs one of our checkout updates (lib/buyer-api.ts) inside `runServerUpdate`. */
  const run = useCallback(
    <U extends CheckoutUpdate>(
      update: U,
      body: BodyOf<(typeof CHECKOUT_UPDATES)[U]>,
      options: UpdateOptions,
    ): Promise<boolean> =>
      track(options, async () => {
        let endpointMessage: string | null = null;
        const result = await checkout.runServerUpdate(async () => {
          const send = () => callBuyerEndpoint(update, body, { timeoutMs: null });
          let answer = await send();
          // 409 with Retry-After: another tab's change to this checkout was still running. Once more, after it.
          if (!answer.ok && answer.status === 409 && answer.retryAfter !== null) {
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            answer = await send();
          }
          if (!answer.ok || answer.answer.type !== 'success') {
            endpointMessage = answer.ok ? null : answer.message;
            throw new EndpointError(endpointMessage ?? `${BUYER_PATHS[update]} answered ${answer.status}`);
          }
          return answer.answer;
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
