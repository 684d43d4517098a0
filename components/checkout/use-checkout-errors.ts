'use client';
import { useCallback, useEffect, useState } from 'react';

/** Where a refusal is shown: beside the control that caused it. A line's source is `line:<line item id>`. */
export type ErrorSource =
  | 'address'
  | 'shipping-option'
  | 'interval'
  | 'cross-sell'
  | 'contribution'
  | 'promo'
  | 'pay'
  | 'order'
  | `line:${string}`;

/**
 * The checkout's refusals, each kept under its cause so the component beside it can show it, plus the
 * latest one for the page's single role="alert" region (announced once, with a serial so the same words
 * said again are announced again). After a new refusal the first visible notice is scrolled into view when
 * it is off screen (on a phone the cause may sit far above or below the button pressed).
 */
export function useCheckoutErrors() {
  const [errors, setErrors] = useState<Partial<Record<ErrorSource, string>>>({});
  const [latest, setLatest] = useState<{ message: string; serial: number } | null>(null);

  const setError = useCallback((source: ErrorSource, message: string | null) => {
    setErrors((current) => {
      if (!message && !(source in current)) return current;
      const next = { ...current };
      if (message) next[source] = message;
      else delete next[source];
      return next;
    });
    if (message) setLatest((current) => ({ message, serial: (current?.serial ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!latest) return;
    const frame = requestAnimationFrame(() => {
      const first = document.querySelector<HTMLElement>('.checkout .notice');
      if (!first) return;
      const box = first.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [latest]);

  return { errors, latest, setError };
}
