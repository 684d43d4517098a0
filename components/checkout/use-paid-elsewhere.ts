'use client';
import { useEffect, useState } from 'react';

/** The channel a return page announces a paid checkout on, to the same browser's other tabs. */
export const PAID_CHANNEL = 'storefront-checkout';

/**
 * True once this checkout has been paid somewhere else: another tab's return page says so at once (a
 * BroadcastChannel), and this tab asks the server whenever it comes back into view or an update fails.
 * Not while `payingHere` is set: this tab's own Pay is confirming, and the payment the server then reports
 * complete is this tab's, on its way to the return page (the window's focus event fires as the buyer clicks
 * Pay after typing in the card frame, so the question is asked just then). Showing "paid elsewhere" would take
 * the Payment Element away mid-confirm. If another tab did pay first, this confirm fails, the flag is cleared,
 * and the failure's recheck finds the session paid.
 */
export function usePaidElsewhere(
  sessionId: string,
  recheck: unknown,
  payingHere: { readonly current: boolean },
): boolean {
  const [paid, setPaid] = useState(false);
  useEffect(() => {
    const paidElsewhere = () => !payingHere.current && setPaid(true);
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PAID_CHANNEL);
    if (channel) channel.onmessage = (event: MessageEvent) => event.data === sessionId && paidElsewhere();
    const ask = async () => {
      const response = await fetch(`/api/checkout/status?session_id=${encodeURIComponent(sessionId)}`, {
        cache: 'no-store',
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { status?: unknown } | null;
      if (body?.status === 'complete') paidElsewhere();
    };
    const onVisible = () => document.visibilityState === 'visible' && void ask();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    if (recheck) void ask();
    return () => {
      channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [sessionId, recheck, payingHere]);
  return paid;
}
