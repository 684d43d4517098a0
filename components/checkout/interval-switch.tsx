'use client';
import { Notice } from '@/components/ui/notice';
import type { BillingInterval } from '@/lib/catalog';

/**
 * The seed page's switch: a button with role="switch" and a fixed name, "Yearly billing", checked when
 * billed yearly (a label that changed with the state would name the option that is off). The parent runs
 * the update; the switch only shows the session's interval, so it can never disagree with Stripe. While an
 * update runs it is aria-disabled, not disabled: a disabled button would drop the buyer's focus.
 */
export function IntervalSwitch(props: {
  interval: BillingInterval;
  busy: boolean;
  error?: string;
  onChange: (next: BillingInterval) => void;
}) {
  const yearly = props.interval === 'yearly';
  return (
    <div className="interval">
      <button
        type="button"
        role="switch"
        aria-checked={yearly}
        aria-disabled={props.busy}
        aria-describedby={props.error ? 'interval-error interval-hint' : 'interval-hint'}
        className="interval-switch"
        data-focus-key="interval-switch"
        onClick={() => !props.busy && props.onChange(yearly ? 'monthly' : 'yearly')}
      >
        <span className="track" aria-hidden="true">
          <span className="thumb" />
        </span>
        Yearly billing
      </button>
      <p className="muted interval-hint" id="interval-hint">
        {yearly ? 'Billed once a year.' : 'Billed every month.'}
      </p>
      {props.error && <Notice id="interval-error">{props.error}</Notice>}
    </div>
  );
}
