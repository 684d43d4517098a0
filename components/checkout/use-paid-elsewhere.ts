'use client';
import { useEffect, useState } from 'react';

/** The channel a return page announces a paid checkout on, to the same browser's other tabs. */
export const PAID_CHANNEL = 'storefront-checkout';

/**
 * True once this checkout has been paid somewhere else: another tab's return page says so at once (a
 * BroadcastChannel), and this tab asks the server whenever it comes back into view or an update fails.
 */
export function usePaidElsewhere(sessionId: string, recheck: unknown): boolean {
  const [paid, setPaid] = useState(false);
  useEffect(() => {
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PAID_CHANNEL);
    if (channel) channel.onmessage = (event: MessageEvent) => event.data === sessionId && setPaid(true);
    const ask = async () => {
      const response = await fetch(`/api/checkout/status?session_id=${encodeURIComponent(sessionId)}`, {
        cache: 'no-store',
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { status?: unknown } | null;
      if (body?.status === 'complete') setPaid(true);
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
  }, [sessionId, recheck]);
  return paid;
}
