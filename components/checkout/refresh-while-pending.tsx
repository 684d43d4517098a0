'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const EVERY_MS = 2_000;
const GIVE_UP_MS = 60_000;

/**
 * While an order is being recorded, asks the server again every few seconds (the page re-renders with the
 * order number once it exists), then stops and says so: the payment is safe either way.
 */
export function RefreshWhilePending() {
  const router = useRouter();
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > GIVE_UP_MS) {
        clearInterval(timer);
        setGaveUp(true);
        return;
      }
      router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p data-testid="order-pending" role="status">
      {gaveUp
        ? 'Your payment went through. Your order number will be here when you reload this page a little later.'
        : 'Your payment went through. We are recording your order…'}
    </p>
  );
}
