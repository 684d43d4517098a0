'use client';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useState, type FormEvent, type ReactNode } from 'react';

/** Email (when the session has none yet), the Payment Element, and Pay. A decline stays on the page. */
export function PayForm(props: { checkout: StripeCheckoutElementsValue; disabled: boolean; children: ReactNode }) {
  const { checkout } = props;
  const [email, setEmail] = useState(checkout.email ?? '');
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pay(event: FormEvent) {
    event.preventDefault();
    setPaying(true);
    setError(null);
    const result = await checkout.confirm(checkout.email ? {} : { email });
    // On success Stripe.js redirects to the return page; only a failure comes back here.
    if (result.type === 'error') setError(result.error.message);
    setPaying(false);
  }

  return (
    <form className="pay-form" onSubmit={pay} aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      {!checkout.email && (
        <label className="field">
          Email
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
      )}
      {props.children}
      <div aria-live="assertive">
        {error && (
          <p className="notice" role="alert">
            {error}
          </p>
        )}
      </div>
      {/* canConfirm is false until Stripe has what it needs: here, a shipping address and option (set by our server). */}
      <button className="button pay" type="submit" disabled={props.disabled || paying || !checkout.canConfirm}>
        {/* Stripe.js's confirm() requires the page to show the total it charges: its own formatted string. */}
        {paying ? 'Processing…' : `Pay ${checkout.total.total.amount}`}
      </button>
    </form>
  );
}
