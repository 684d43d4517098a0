'use client';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useState } from 'react';
import { formatMoney } from '@/lib/format';

/** The session's shipping options; choosing one is a client-side action Stripe.js sends itself. */
export function ShippingOptions({ checkout, disabled }: { checkout: StripeCheckoutElementsValue; disabled: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const selected = checkout.shipping?.shippingOption.id;

  async function choose(id: string) {
    setError(null);
    const result = await checkout.updateShippingOption(id);
    if (result.type === 'error') setError(result.error.message);
  }

  return (
    <fieldset className="shipping-options" disabled={disabled}>
      <legend>Delivery</legend>
      {checkout.shippingOptions.map((option) => (
        <label key={option.id} className="option">
          <input
            type="radio"
            name="shipping-option"
            value={option.id}
            checked={selected === option.id}
            onChange={() => void choose(option.id)}
          />
          <span>{option.displayName}</span>
          <span className="muted">{formatMoney(option.minorUnitsAmount, checkout.currency)}</span>
        </label>
      ))}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
