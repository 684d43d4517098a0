'use client';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { Notice } from '@/components/ui/notice';
import { CONTRIBUTION } from '@/lib/catalog';
import { contributionAmount, type ContributionPercent } from '@/lib/checkout/contribution';
import { productOfPrice, type CheckoutShop } from '@/lib/checkout/checkout-shop';
import { formatPrice } from '@/lib/format';

const LABEL: Record<ContributionPercent, string> = { 0: 'None', 2: '2 %', 5: '5 %' };

/**
 * "Support the growers": a share of the paid subtotal for the growers' cooperative, none by default. The server
 * prices it (POST /api/checkout/contribution); the summary shows it as its own line. The share shown as chosen is
 * read back from the session: the contribution line's amount against the paid lines' subtotal.
 */
export function Contribution(props: {
  checkout: StripeCheckoutElementsValue;
  shop: CheckoutShop;
  busy: boolean;
  error?: string;
  onChoose: (percent: ContributionPercent) => void;
}) {
  const { checkout } = props;
  const line = checkout.lineItems.find((item) => item.name === CONTRIBUTION.name);
  const paid = checkout.lineItems
    .filter((item) => productOfPrice(props.shop, item.priceId) && !item.recurring)
    .reduce((sum, item) => sum + item.subtotal.minorUnitsAmount, 0);
  const amount = line?.subtotal.minorUnitsAmount ?? 0;
  const chosen = CONTRIBUTION.percents.reduce<ContributionPercent>(
    (best, percent) =>
      Math.abs((paid * percent) / 100 - amount) < Math.abs((paid * best) / 100 - amount) ? percent : best,
    0,
  );
  return (
    <fieldset className="contribution" aria-describedby={props.error ? 'contribution-error' : 'contribution-note'}>
      <legend>
        <h2>Support the growers</h2>
      </legend>
      <p className="muted" id="contribution-note">
        Add a share of your order for the growers&apos; cooperative. It is not taxed and no code discounts it.
      </p>
      {CONTRIBUTION.percents.map((percent) => (
        <label key={percent} className="option">
          <input
            type="radio"
            name="contribution"
            value={percent}
            checked={chosen === percent}
            aria-disabled={props.busy}
            data-focus-key={`contribution-${percent}`}
            onChange={() => !props.busy && props.onChoose(percent)}
          />
          <span>{LABEL[percent]}</span>
          <span className="muted">
            {percent === 0 ? '' : formatPrice(contributionAmount(paid, percent), checkout.currency)}
          </span>
        </label>
      ))}
      {props.error && <Notice id="contribution-error">{props.error}</Notice>}
    </fieldset>
  );
}
