import Image from 'next/image';
import { PageLink } from '@/components/ui/page-link';
import { formatMoney } from '@/lib/format';
import { CURRENCY, type Plan } from '@/lib/catalog';
import { planCheckoutPath } from '@/lib/checkout/cart';

/** The shop's subscriptions, one card per plan of the catalog. */
export function Plans({ plans }: { plans: readonly Plan[] }) {
  return (
    <section className="plans" aria-labelledby="plans-heading">
      <h1 id="plans-heading">Join a coffee club</h1>
      <div className="plan-grid">
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} />
        ))}
      </div>
    </section>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { monthly, yearly } = plan.prices;
  const freeMonths = Math.floor((12 * monthly.unitAmount - yearly.unitAmount) / monthly.unitAmount);
  // The visible words start each link's name; the plan's name, read by screen readers only, tells the cards apart.
  const to = <span className="visually-hidden"> to the {plan.name}</span>;
  return (
    <article className="plan" aria-labelledby={`plan-${plan.id}`}>
      <Image src={plan.image} alt="" width={240} height={200} unoptimized priority />
      <div>
        <h2 id={`plan-${plan.id}`}>{plan.name}</h2>
        <p>{plan.description}</p>
        <p>
          <span className="price">{formatMoney(monthly.unitAmount, CURRENCY)}</span> a month, or{' '}
          <span className="price">{formatMoney(yearly.unitAmount, CURRENCY)}</span> a year
          {freeMonths > 0 && ` (${freeMonths === 1 ? 'one month' : `${freeMonths} months`} free)`}.
        </p>
        <div className="actions">
          <PageLink className="button" href={planCheckoutPath(plan.id, 'monthly')}>
            Subscribe monthly{to}
          </PageLink>
          <PageLink className="button secondary" href={planCheckoutPath(plan.id, 'yearly')}>
            Subscribe yearly{to}
          </PageLink>
        </div>
      </div>
    </article>
  );
}
