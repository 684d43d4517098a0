'use client';
import type { StripeAddressElementChangeEvent } from '@stripe/stripe-js';
import type { ShippingDetailsInput } from '@/lib/checkout/shipping-address';
import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import { useRef } from 'react';
import { Notice } from '@/components/ui/notice';
import { countryName, listNames } from '@/lib/format';

export const INCOMPLETE_ADDRESS = 'Please complete your shipping address.';
export const USE_ADDRESS_KEY = 'use-address';

type AddressElementRef = {
  getValue(): Promise<{ complete: boolean; value: StripeAddressElementChangeEvent['value'] }>;
};

/**
 * Where the goods go: Stripe's shipping address element (it validates formats and marks its own fields),
 * the countries we ship to beside it, and "Use this address". Who sets the session's address depends on
 * the mode: in a payment-mode checkout our server does (it decides shipping options and tax for it); in
 * the club's subscription checkout Stripe.js does, with `updateShippingAddress` (see checkout-form.tsx).
 * A refusal (a country not shipped to) shows right under the element.
 */
export function ShippingAddress(props: {
  shipsTo: readonly string[];
  busy: boolean;
  error?: string;
  onDraft: (form: StripeAddressElementChangeEvent) => void;
  onUse: (shipping: ShippingDetailsInput) => void;
  onIncomplete: () => void;
}) {
  const element = useRef<AddressElementRef | null>(null);

  async function use() {
    if (props.busy) return;
    // getValue() also shows the element's own errors beside its fields, as Stripe's does.
    const result = await element.current?.getValue();
    if (!result?.complete) return props.onIncomplete();
    const { name, address } = result.value;
    props.onUse({
      name,
      address: {
        line1: address.line1,
        line2: address.line2 || null,
        city: address.city,
        state: address.state || null,
        postal_code: address.postal_code,
        country: address.country,
      },
    });
  }

  return (
    <section className="shipping-address" aria-labelledby="shipping-heading">
      <h2 id="shipping-heading">Shipping address</h2>
      <p className="muted ships-to" id="ships-to-note" data-testid="ships-to-note">
        We ship to {listNames(props.shipsTo.map(countryName))}.
      </p>
      <ShippingAddressElement
        onReady={(ready) => (element.current = ready as unknown as AddressElementRef)}
        onChange={props.onDraft}
      />
      {props.error && (
        <Notice id="address-error" testId="address-error">
          {props.error}
        </Notice>
      )}
      <button
        type="button"
        className="button secondary"
        aria-disabled={props.busy}
        aria-describedby={props.error ? 'address-error' : undefined}
        data-focus-key={USE_ADDRESS_KEY}
        onClick={() => void use()}
      >
        Use this address
      </button>
    </section>
  );
}
