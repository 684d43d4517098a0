'use client';
import { PaymentElement, useCheckoutElements, type StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import Link from 'next/link';
import { IntervalSwitch } from '@/components/checkout/interval-switch';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PayForm } from '@/components/checkout/pay-form';
import { ShippingOptions } from '@/components/checkout/shipping-options';
import { useServerUpdate } from '@/components/checkout/use-server-update';

export function CheckoutForm() {
  const state = useCheckoutElements();
  if (state.type === 'loading') {
    return <p className="muted" role="status">Loading your checkout…</p>;
  }
  if (state.type === 'error') {
    return (
      <div className="notice" role="alert">
        <p>{state.error.message}</p>
        <Link href="/">Back to the shop</Link>
      </div>
    );
  }
  return <LoadedCheckout checkout={state.checkout} />;
}

function LoadedCheckout({ checkout }: { checkout: StripeCheckoutElementsValue }) {
  const update = useServerUpdate(checkout);
  const plan = checkout.lineItems.find((item) => item.recurring);
  const interval = plan?.recurring?.interval === 'year' ? 'yearly' : 'monthly';

  return (
    <div className="checkout">
      <div className="checkout-summary">
        <OrderSummary session={checkout} busy={update.pending} />
        {plan && (
          <IntervalSwitch
            interval={interval}
            disabled={update.pending}
            onChange={(next) =>
              void update.run('/api/change-subscription-interval', { checkout_session_id: checkout.id, interval: next })
            }
          />
        )}
        <div aria-live="polite" className="update-status">
          {update.pending && <p className="muted" role="status">Updating your order…</p>}
          {update.error && (
            <p className="notice" role="alert">
              {update.error}
            </p>
          )}
        </div>
      </div>
      <div className="checkout-payment">
        {checkout.shippingOptions.length > 0 && <ShippingOptions checkout={checkout} disabled={update.pending} />}
        <PayForm checkout={checkout} disabled={update.pending}>
          <PaymentElement />
        </PayForm>
      </div>
    </div>
  );
}
