'use client';
import { useState, type FormEvent } from 'react';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';

const APPLY_FAILED = "We couldn't apply that code. Please try again.";

/**
 * The "Promo code" field (GA profile): Stripe.js applies the code and Stripe validates it, so no route of
 * ours is involved. A refused code shows Stripe's message and leaves the session as it was.
 */
export function PromoCode(props: { checkout: Pick<StripeCheckoutElementsValue, 'applyPromotionCode' | 'removePromotionCode' | 'discountAmounts'>; disabled: boolean }) {
  const { checkout } = props;
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const applied = checkout.discountAmounts?.find((discount) => discount.promotionCode)?.promotionCode ?? null;

  const run = async (action: () => Promise<{ type: 'success' } | { type: 'error'; error: { message: string } }>) => {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (result.type === 'error') setError(result.error.message || APPLY_FAILED);
      else setCode('');
    } catch {
      setError(APPLY_FAILED);
    } finally {
      setPending(false);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void run(() => checkout.applyPromotionCode(code.trim()));
  };
  const busy = props.disabled || pending;

  return (
    <div className="promo-code">
      {applied ? (
        <p>
          Code <strong data-testid="applied-promo-code">{applied}</strong> applied.{' '}
          <button type="button" className="button secondary" aria-label={`Remove ${applied}`} disabled={busy} onClick={() => void run(() => checkout.removePromotionCode())}>
            Remove
          </button>
        </p>
      ) : (
        <form onSubmit={apply}>
          <label htmlFor="promo-code">Promo code</label>
          <input id="promo-code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" disabled={busy} />
          <button type="submit" className="button secondary" disabled={busy || !code.trim()}>
            Apply
          </button>
        </form>
      )}
      <div aria-live="polite">
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
