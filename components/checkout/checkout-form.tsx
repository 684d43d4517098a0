'use client';
import { PaymentElement, useCheckoutElements, type StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { CheckoutLoadFailed, LoadingCheckout } from '@/components/checkout/loading-checkout';
import { IntervalSwitch } from '@/components/checkout/interval-switch';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PayForm } from '@/components/checkout/pay-form';
import { ShippingOptions } from '@/components/checkout/shipping-options';
import { useServerUpdate } from '@/components/checkout/use-server-update';

// Stripe.js's own error text (e.g. about the client secret) is not for a buyer; the console keeps it.
const LOAD_FAILED = 'We could not load the payment form. Please try again.';

export function CheckoutForm({ onRetry }: { onRetry: () => void }) {
  const state = useCheckoutElements();
  if (state.type === 'loading') return <LoadingCheckout onRetry={onRetry} />;
  if (state.type === 'error') return <CheckoutLoadFailed message={LOAD_FAILED} onRetry={onRetry} />;
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
