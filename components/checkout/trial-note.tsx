'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { formatMoney } from '@/lib/format';

const formatDate = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * When a subscription with a free trial first charges, as Stripe holds it (`recurring.trial`, `dueNext`):
 * the interval switch moves the trial on the preview profile, and this note follows the session.
 */
export function TrialNote({ session }: { session: Pick<StripeCheckoutSession, 'recurring' | 'currency'> }) {
  const recurring = session.recurring;
  if (!recurring?.trial) return null;
  const { trialPeriodDays, trialEnd } = recurring.trial;
  return (
    <p className="trial-note" data-testid="trial-note">
      Free for {trialPeriodDays} days, then {formatMoney(recurring.dueNext.total.minorUnitsAmount, session.currency)} / {recurring.interval}; first
      payment on {formatDate(recurring.dueNext.billingCycleAnchor ?? trialEnd)}.
    </p>
  );
}
