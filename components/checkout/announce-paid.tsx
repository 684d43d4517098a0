'use client';
import { useEffect } from 'react';
import { PAID_CHANNEL } from '@/components/checkout/use-paid-elsewhere';

/** Tells this browser's other tabs that this checkout is paid, so none of them still offers Pay. */
export function AnnouncePaid({ sessionId }: { sessionId: string }) {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(PAID_CHANNEL);
    channel.postMessage(sessionId);
    channel.close();
  }, [sessionId]);
  return null;
}
