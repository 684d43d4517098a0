'use client';
import {
  PaymentElement,
  useCheckoutElements,
  type StripeCheckoutElementsValue,
} from '@stripe/react-stripe-js/checkout';
import type { StripeAddressElementChangeEvent } from '@stripe/stripe-js';
import { useRef, useState } from 'react';
import { addressDraft } from '@/components/checkout/address-draft';
import { Contribution } from '@/components/checkout/contribution';
import { CrossSell } from '@/components/checkout/cross-sell';
import { CheckoutLoadFailed, LoadingCheckout } from '@/components/checkout/loading-checkout';
import { IntervalSwitch } from '@/components/checkout/interval-switch';
import { OrderSummary, quantityKey } from '@/components/checkout/order-summary';
import { PaidElsewhere } from '@/components/checkout/paid-elsewhere';
import { PayForm } from '@/components/checkout/pay-form';
import { INCOMPLETE_ADDRESS, ShippingAddress } from '@/components/checkout/shipping-address';
import { PromoCode } from '@/components/checkout/promo-code';
import { ShippingOptions } from '@/components/checkout/shipping-options';
import { useCheckoutErrors } from '@/components/checkout/use-checkout-errors';
import { useLoyaltyDiscount } from '@/components/checkout/use-loyalty-discount';
import { usePaidElsewhere } from '@/components/checkout/use-paid-elsewhere';
import { useServerUpdate } from '@/components/checkout/use-server-update';
import { waitReason } from '@/components/checkout/wait-reason';
import { AlertRegion, Notice } from '@/components/ui/notice';
import { SHIPS_TO } from '@/lib/catalog';
import { planOfPrice, productOfPrice, type CheckoutShop } from '@/lib/checkout/checkout-shop';
import type { ShippingDetailsInput } from '@/lib/checkout/shipping-address';

// Stripe.js's own error text (e.g. about the client secret) is not for a buyer; the console keeps it.
const LOAD_FAILED = 'We could not load the payment form. Please try again.';

export function CheckoutForm({ onRetry, shop }: { onRetry: () => void; shop: CheckoutShop }) {
  const state = useCheckoutElements();
  if (state.type === 'loading') return <LoadingCheckout onRetry={onRetry} />;
  if (state.type === 'error') return <CheckoutLoadFailed message={LOAD_FAILED} onRetry={onRetry} />;
  return <LoadedCheckout checkout={state.checkout} shop={shop} />;
}

function LoadedCheckout({ checkout, shop }: { checkout: StripeCheckoutElementsValue; shop: CheckoutShop }) {
  const { errors, latest, setError } = useCheckoutErrors();
  const update = useServerUpdate(checkout, setError);
  const [addressForm, setAddressForm] = useState<StripeAddressElementChangeEvent | null>(null);
  const plan = checkout.lineItems.find((item) => item.recurring);
  const interval = plan?.recurring?.interval === 'year' ? 'yearly' : 'monthly';
  // Products always ship; a plan when the catalog says it does (its session then collects the address).
  const ships = !plan || Boolean(planOfPrice(shop, plan.priceId)?.ships);
  const productIdsInCart = checkout.lineItems.flatMap((item) => productOfPrice(shop, item.priceId)?.id ?? []);
  const session = { checkout_session_id: checkout.id };
  useLoyaltyDiscount(checkout, shop.offers.loyaltyDiscount && !plan, (body) =>
    update.run('loyaltyDiscount', body, { source: 'order' }),
  );
  const draft = addressDraft(addressForm, checkout.shippingAddress);

  // A payment-mode checkout's address is our server's to set (it decides the shipping options and tax for
  // it). A subscription-mode checkout cannot take shipping options, and Stripe's docs for the custom
  // checkout ("Collect shipping or billing information", docs.stripe.com/checkout/custom-checkout/
  // collect-shipping-or-billing-information) have the client collect it: `shipping_address_collection` on
  // the session, the Address Element, and `updateShippingAddress` "after your customer has finished
  // inputting the address (e.g., in response to a 'save' button)". So the club's address goes through
  // Stripe.js, and the order keeps it from the session's `collected_information.shipping_details`.
  const useAddress = (shipping: ShippingDetailsInput) =>
    plan
      ? void update.track({ source: 'address' }, async () => {
          const result = await checkout.updateShippingAddress(shipping);
          return result.type === 'error' ? result.error.message : null;
        })
      : void update.run('shippingAddress', { ...session, shipping_details: shipping }, { source: 'address' });
  const chooseOption = (id: string) =>
    void update.track({ source: 'shipping-option' }, async () => {
      const result = await checkout.updateShippingOption(id);
      return result.type === 'error' ? result.error.message : null;
    });
  const payingHere = useRef(false);
  const paidElsewhere = usePaidElsewhere(checkout.id, latest?.serial, payingHere);
  if (paidElsewhere) return <PaidElsewhere sessionId={checkout.id} />;

  return (
    <div className="checkout">
      <AlertRegion message={latest?.message ?? null} serial={latest?.serial ?? 0} />
      <div className="checkout-summary">
        <OrderSummary
          session={checkout}
          shop={shop}
          busy={update.pending}
          revision={update.revision}
          errors={errors}
          onSetQuantity={
            plan
              ? undefined
              : (lineItemId, productId, quantity, focusAfter) =>
                  void update.run(
                    'quantity',
                    { ...session, line_item_id: lineItemId, quantity },
                    { source: `line:${productId}`, focusAfter },
                  )
          }
        />
        {plan && (
          <IntervalSwitch
            interval={interval}
            busy={update.pending}
            error={errors.interval}
            onChange={(next) => void update.run('interval', { ...session, interval: next }, { source: 'interval' })}
          />
        )}
        {!plan && (
          <CrossSell
            productIdsInCart={productIdsInCart}
            available={new Map(Object.entries(shop.available))}
            currency={checkout.currency}
            busy={update.pending}
            error={errors['cross-sell']}
            onAdd={(productId) =>
              void update.run(
                'crossSell',
                { ...session, product_id: productId, action: 'add' },
                { source: 'cross-sell', focusAfter: [quantityKey(productId)] },
              )
            }
          />
        )}
        {!plan && (
          <Contribution
            checkout={checkout}
            shop={shop}
            busy={update.pending}
            error={errors.contribution}
            onChoose={(percent) => void update.run('contribution', { ...session, percent }, { source: 'contribution' })}
          />
        )}
        {shop.offers.promotionCodes && (
          <PromoCode
            checkout={checkout}
            busy={update.pending}
            error={errors.promo}
            onError={(message) => setError('promo', message)}
          />
        )}
        {errors.order && <Notice>{errors.order}</Notice>}
        <p className="muted update-status" role="status">
          {update.pending ? 'Updating your order…' : ''}
        </p>
      </div>
      <div className="checkout-payment">
        {ships && (
          <ShippingAddress
            shipsTo={SHIPS_TO.map((country) => country.code)}
            busy={update.pending}
            error={errors.address}
            onDraft={setAddressForm}
            onUse={useAddress}
            onIncomplete={() => setError('address', INCOMPLETE_ADDRESS)}
          />
        )}
        {checkout.shippingOptions.length > 0 && (
          <ShippingOptions
            checkout={checkout}
            busy={update.pending}
            error={errors['shipping-option']}
            onChoose={chooseOption}
          />
        )}
        <PayForm
          checkout={checkout}
          subscription={Boolean(plan)}
          waitReason={waitReason({
            session: checkout,
            pending: update.pending,
            draft,
            subscription: Boolean(plan),
            ships,
          })}
          error={errors.pay}
          onError={(message) => setError('pay', message)}
          onPaying={(paying) => {
            payingHere.current = paying;
          }}
        >
          <PaymentElement />
        </PayForm>
      </div>
    </div>
  );
}
