import Image from 'next/image';
import Link from 'next/link';
import { formatMoney } from '@/lib/format';
import { CURRENCY, type Plan } from '@/lib/catalog';

export function PlanHero({ plan }: { plan: Plan }) {
  const { monthly, yearly } = plan.prices;
  return (
    <section className="hero" aria-labelledby="plan-name">
      <div>
        <h1 id="plan-name">Join the {plan.name}</h1>
        <p>{plan.description}</p>
        <p>
          <span className="price">{formatMoney(monthly.unitAmount, CURRENCY)}</span> a month, or{' '}
          <span className="price">{formatMoney(yearly.unitAmount, CURRENCY)}</span> a year (two months free).
        </p>
        <div className="actions">
          <Link className="button" href={`/checkout?plan=${plan.id}&interval=monthly`}>
            Subscribe monthly
          </Link>
          <Link className="button secondary" href={`/checkout?plan=${plan.id}&interval=yearly`}>
            Subscribe yearly
          </Link>
        </div>
      </div>
      <Image src={plan.image} alt="" width={480} height={400} unoptimized priority />
    </section>
  );
}
