'use client';
import { PaymentElement, useCheckoutElements, type StripeCheckoutElementsValue } from '@stripe/react-stripe-js/checkout';
import { CrossSell } from '@/components/checkout/cross-sell';
import { CheckoutLoadFailed, LoadingCheckout } from '@/components/checkout/loading-checkout';
import { IntervalSwitch } from '@/components/checkout/interval-switch';
import { OrderSummary } from '@/components/checkout/order-summary';
import { PaidElsewhere } from '@/components/checkout/paid-elsewhere';
import { PayForm } from '@/components/checkout/pay-form';
import { ShippingAddress } from '@/components/checkout/shipping-address';
import { PromoCode } from '@/components/checkout/promo-code';
import { ShippingOptions } from '@/components/checkout/shipping-options';
import { useLoyaltyDiscount } from '@/components/checkout/use-loyalty-discount';
import { usePaidElsewhere } from '@/components/checkout/use-paid-elsewhere';
import { useServerUpdate } from '@/components/checkout/use-server-update';
import { productOfPrice, type CheckoutShop } from '@/lib/checkout/checkout-shop';

// Stripe.js's own error text (e.g. about the client secret) is not for a buyer; the console keeps it.
const LOAD_FAILED = 'We could not load the payment form. Please try again.';

export function CheckoutForm({ onRetry, shop }: { onRetry: () => void; shop: CheckoutShop }) {
  const state = useCheckoutElements();
  if (state.type === 'loading') return <LoadingCheckout onRetry={onRetry} />;
  if (state.type === 'error') return <CheckoutLoadFailed message={LOAD_FAILED} onRetry={onRetry} />;
  return <LoadedCheckout checkout={state.checkout} shop={shop} />;
}

function LoadedCheckout({ checkout, shop }: { checkout: StripeCheckoutElementsValue; shop: CheckoutShop }) {
  const update = useServerUpdate(checkout);
  const plan = checkout.lineItems.find((item) => item.recurring);
  const interval = plan?.recurring?.interval === 'year' ? 'yearly' : 'monthly';
  const productIdsInCart = checkout.lineItems.flatMap((item) => productOfPrice(shop, item.priceId)?.id ?? []);
  const session = { checkout_session_id: checkout.id };
  useLoyaltyDiscount(checkout, shop.offers.loyaltyDiscount && !plan, update.run);
  const paidElsewhere = usePaidElsewhere(checkout.id, update.error);
  if (paidElsewhere) return <PaidElsewhere sessionId={checkout.id} />;

  return (
    <div className="checkout">
      <div className="checkout-summary">
        <OrderSummary
          session={checkout}
          shop={shop}
          busy={update.pending}
          onSetQuantity={plan ? undefined : (lineItemId, quantity) => update.run('/api/checkout/line-item-quantity', { ...session, line_item_id: lineItemId, quantity })}
        />
        {plan && (
          <IntervalSwitch
            interval={interval}
            disabled={update.pending}
            onChange={(next) =>
              void update.run('/api/change-subscription-interval', { ...session, interval: next })
            }
          />
        )}
        {!plan && (
          <CrossSell
            productIdsInCart={productIdsInCart}
            available={new Map(Object.entries(shop.available))}
            currency={checkout.currency}
            disabled={update.pending}
            onAdd={(productId) => void update.run('/api/checkout/cross-sell', { ...session, product_id: productId, action: 'add' })}
          />
        )}
        {shop.offers.promotionCodes && <PromoCode checkout={checkout} disabled={update.pending} />}
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
        {!plan && (
          <ShippingAddress disabled={update.pending} onUse={(shippingDetails) => update.run('/api/checkout/shipping-address', { ...session, shipping_details: shippingDetails })} />
        )}
        {checkout.shippingOptions.length > 0 && <ShippingOptions checkout={checkout} disabled={update.pending} />}
        <PayForm checkout={checkout} disabled={update.pending}>
          <PaymentElement />
        </PayForm>
      </div>
    </div>
  );
}
