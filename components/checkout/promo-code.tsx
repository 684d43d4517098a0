'use client';
import { useState, type FormEvent } from 'react';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { restoreFocus } from '@/components/checkout/use-server-update';
import { Notice } from '@/components/ui/notice';

const APPLY_FAILED = "We couldn't apply that code. Please try again.";
const INPUT_KEY = 'promo-code';
const REMOVE_KEY = 'promo-remove';

/**
 * The "Promo code" field (GA profile): Stripe.js applies the code and Stripe validates it, so no route of
 * ours is involved. A refused code shows Stripe's message under the field and leaves the session as it
 * was. Applying swaps the field for "Remove" and removing swaps it back: focus follows to the new control.
 */
export function PromoCode(props: {
  checkout: Pick<StripeCheckoutElementsValue, 'applyPromotionCode' | 'removePromotionCode' | 'discountAmounts'>;
  busy: boolean;
  error?: string;
  onError: (message: string | null) => void;
}) {
  const { checkout, onError } = props;
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const applied = checkout.discountAmounts?.find((discount) => discount.promotionCode)?.promotionCode ?? null;
  const busy = props.busy || pending;

  const run = async (
    action: () => Promise<{ type: 'success' } | { type: 'error'; error: { message: string } }>,
    focusAfter: string,
  ) => {
    setPending(true);
    onError(null);
    try {
      const result = await action();
      if (result.type === 'error') onError(result.error.message || APPLY_FAILED);
      else setCode('');
    } catch {
      onError(APPLY_FAILED);
    } finally {
      setPending(false);
      restoreFocus([focusAfter, INPUT_KEY]);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && code.trim()) void run(() => checkout.applyPromotionCode(code.trim()), REMOVE_KEY);
  };

  return (
    <div className="promo-code">
      {applied ? (
        <p>
          Code <strong data-testid="applied-promo-code">{applied}</strong> applied.{' '}
          <button
            type="button"
            className="button secondary"
            aria-label={`Remove ${applied}`}
            aria-disabled={busy}
            data-focus-key={REMOVE_KEY}
            onClick={() => !busy && void run(() => checkout.removePromotionCode(), INPUT_KEY)}
          >
            Remove
          </button>
        </p>
      ) : (
        <form onSubmit={apply} noValidate>
          <label htmlFor="promo-code">Promo code</label>
          <div className="inline-field">
            <input
              id="promo-code"
              className="text-input"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              readOnly={busy}
              aria-invalid={props.error ? true : undefined}
              aria-describedby={props.error ? 'promo-error' : undefined}
              data-focus-key={INPUT_KEY}
            />
            <button type="submit" className="button secondary" aria-disabled={busy || !code.trim()}>
              Apply
            </button>
          </div>
        </form>
      )}
      {props.error && <Notice id="promo-error">{props.error}</Notice>}
    </div>
  );
}
