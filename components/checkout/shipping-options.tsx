'use client';
import type { StripeCheckoutDeliveryEstimate } from '@stripe/stripe-js';
import type { StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { Notice } from '@/components/ui/notice';
import { formatPrice } from '@/lib/format';

const UNIT: Record<string, string> = {
  business_day: 'business day',
  day: 'day',
  hour: 'hour',
  week: 'week',
  month: 'month',
};

/** "3–5 business days", from the rate's delivery estimate as Stripe.js gives it. */
export function deliveryTime(estimate: StripeCheckoutDeliveryEstimate | null): string | null {
  const { minimum, maximum } = estimate ?? {};
  const bound = minimum ?? maximum;
  if (!bound) return null;
  const unit = UNIT[bound.unit] ?? bound.unit;
  const high = maximum?.value ?? bound.value;
  const range =
    minimum && maximum && minimum.value !== maximum.value ? `${minimum.value}–${maximum.value}` : String(high);
  return `${range} ${unit}${high === 1 ? '' : 's'}`;
}

/**
 * The session's shipping options; choosing one is a client-side action Stripe.js sends itself. While an
 * update runs the radios stay focusable (a disabled fieldset would drop the buyer's focus): a choice made
 * then is ignored and the checked radio still shows what Stripe holds.
 */
export function ShippingOptions(props: {
  checkout: StripeCheckoutElementsValue;
  busy: boolean;
  error?: string;
  onChoose: (id: string) => void;
}) {
  const { checkout } = props;
  const selected = checkout.shipping?.shippingOption.id;
  return (
    <fieldset className="shipping-options" aria-describedby={props.error ? 'shipping-option-error' : undefined}>
      <legend>
        <h2>Delivery</h2>
      </legend>
      {checkout.shippingOptions.map((option) => {
        const time = deliveryTime(option.deliveryEstimate);
        return (
          <label key={option.id} className="option">
            <input
              type="radio"
              name="shipping-option"
              value={option.id}
              checked={selected === option.id}
              aria-disabled={props.busy}
              data-focus-key={`shipping-option-${option.id}`}
              onChange={() => !props.busy && props.onChoose(option.id)}
            />
            <span>
              {option.displayName}
              {time && <span className="muted delivery-time"> · {time}</span>}
            </span>
            <span>{formatPrice(option.minorUnitsAmount, checkout.currency)}</span>
          </label>
        );
      })}
      {props.error && <Notice id="shipping-option-error">{props.error}</Notice>}
    </fieldset>
  );
}
