'use client';
import { PageLink } from '@/components/ui/page-link';
import { useEffect, useState } from 'react';
import { BUYER_REQUEST_TIMEOUT_MS } from '@/components/buyer-api';

const TOO_SLOW = 'Your checkout is taking too long to load.';

/** "Loading…", until it has taken too long: then the same alert as a failure, with a way to try again. */
export function LoadingCheckout({ onRetry }: { onRetry: () => void }) {
  const [tooSlow, setTooSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTooSlow(true), BUYER_REQUEST_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, []);
  if (tooSlow) return <CheckoutLoadFailed message={TOO_SLOW} onRetry={onRetry} />;
  return (
    <p className="muted" role="status">
      Loading your checkout…
    </p>
  );
}

export function CheckoutLoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="notice" role="alert">
      <p>{message}</p>
      <p>
        <button className="button" type="button" onClick={onRetry}>
          Try again
        </button>{' '}
        <PageLink href="/">Back to the shop</PageLink>
      </p>
    </div>
  );
}
