'use client';
import type { BillingInterval } from '@/lib/catalog';

/**
 * The seed page's switch: a button with role="switch", checked when billed yearly. The parent runs the
 * update; the switch only shows the session's current interval, so it can never disagree with Stripe.
 */
export function IntervalSwitch(props: {
  interval: BillingInterval;
  disabled: boolean;
  onChange: (next: BillingInterval) => void;
}) {
  const yearly = props.interval === 'yearly';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={yearly}
      className="interval-switch"
      disabled={props.disabled}
      onClick={() => props.onChange(yearly ? 'monthly' : 'yearly')}
    >
      <span className="track" aria-hidden="true">
        <span className="thumb" />
      </span>
      {yearly ? 'Use monthly subscription' : 'Save with a yearly subscription'}
    </button>
  );
}
