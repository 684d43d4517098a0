'use client';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { useState, type FormEvent, type ReactNode } from 'react';
import { restoreFocus } from '@/components/checkout/use-server-update';
import { Notice } from '@/components/ui/notice';

export const PAY_KEY = 'pay';

/**
 * Email (when the session has none yet), the Payment Element, and Pay (Subscribe for the club). Pay says why
 * it waits, right under it (`waitReason`, also tied with aria-describedby). While a payment is processing it
 * is aria-disabled, not disabled, so focus stays on it; a decline shows above it and focus is still there.
 */
export function PayForm(props: {
  checkout: StripeCheckoutElementsValue;
  subscription: boolean;
  waitReason: string | null;
  error?: string;
  onError: (message: string | null) => void;
  /** Set while this tab's confirm() runs, and left set after a success (the page is going to the return URL). */
  onPaying: (paying: boolean) => void;
  children: ReactNode;
}) {
  const { checkout, waitReason } = props;
  const [email, setEmail] = useState(checkout.email ?? '');
  const [paying, setPaying] = useState(false);
  const blocked = paying || Boolean(waitReason);
  // While confirm() runs Stripe.js may report canConfirm false for a moment: the reason is not shown then,
  // and the button is not disabled (that would drop the buyer's focus).

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    setPaying(true);
    props.onPaying(true);
    props.onError(null);
    const result = await checkout.confirm(checkout.email ? {} : { email });
    // On success Stripe.js redirects to the return page; only a failure comes back here.
    if (result.type === 'error') {
      props.onPaying(false);
      props.onError(result.error.message);
    }
    setPaying(false);
    // Stripe.js refreshes the session around confirm(): if that re-render took focus, give it back.
    restoreFocus([PAY_KEY]);
  }

  const described = [waitReason && 'pay-reason', props.error && 'pay-error'].filter(Boolean).join(' ') || undefined;
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
      {props.error && (
        <Notice id="pay-error" testId="pay-error">
          {props.error}
        </Notice>
      )}
      {/* canConfirm is false until Stripe has what it needs: here, a shipping address and option (set by our server). */}
      <button
        className="button pay"
        type="submit"
        disabled={Boolean(waitReason) && !paying}
        aria-disabled={paying}
        aria-describedby={described}
        data-focus-key={PAY_KEY}
      >
        {/* Stripe.js's confirm() requires the page to show the total it charges: its own formatted string. */}
        {paying ? 'Processing…' : props.subscription ? 'Subscribe' : `Pay ${checkout.total.total.amount}`}
      </button>
      {waitReason && !paying && (
        <p className="muted pay-reason" id="pay-reason" data-testid="pay-reason">
          {waitReason}
        </p>
      )}
    </form>
  );
}
