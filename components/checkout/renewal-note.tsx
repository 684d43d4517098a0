'use client';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { formatMoney } from '@/lib/format';

const formatDate = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * What a subscription charges after today, from the plan line's own price (the catalog's, as Stripe holds
 * it on the line) and the session's trial: "Then $24.00 every month, first payment today." or "Free for 7
 * days, then $24.00 every month; first payment on …". The interval switch moves both.
 */
export function RenewalNote({
  session,
}: {
  session: Pick<StripeCheckoutSession, 'recurring' | 'currency' | 'lineItems'>;
}) {
  const plan = session.lineItems.find((item) => item.recurring);
  if (!plan?.recurring) return null;
  const every = `${formatMoney(plan.unitAmount.minorUnitsAmount * plan.quantity, session.currency)} every ${plan.recurring.interval}`;
  const trial = session.recurring?.trial;
  if (!trial) {
    return (
      <p className="renewal-note" data-testid="renewal-note">
        Then {every}, first payment today.
      </p>
    );
  }
  const firstPayment = session.recurring?.dueNext.billingCycleAnchor ?? trial.trialEnd;
  return (
    <p className="renewal-note" data-testid="trial-note">
      Free for {trial.trialPeriodDays} days, then {every}; first payment on {formatDate(firstPayment)}.
    </p>
  );
}
