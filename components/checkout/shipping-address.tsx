'use client';
import type { StripeAddressElement } from '@stripe/stripe-js';
import { ShippingAddressElement } from '@stripe/react-stripe-js/checkout';
import { useRef, useState } from 'react';

/**
 * Where the goods go: Stripe's shipping address element, and "Use this address", which sends the element's
 * value to our server (the session lets only the server set it). The shipping options and the tax follow.
 */
export function ShippingAddress({ disabled, onUse }: { disabled: boolean; onUse: (shippingDetails: Record<string, unknown>) => Promise<boolean> }) {
  const element = useRef<StripeAddressElement | null>(null);
  const [incomplete, setIncomplete] = useState(false);

  async function use() {
    const result = await element.current?.getValue();
    if (!result?.complete) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    const { name, address } = result.value;
    await onUse({
      name,
      address: {
        line1: address.line1,
        ...(address.line2 && { line2: address.line2 }),
        city: address.city,
        ...(address.state && { state: address.state }),
        postal_code: address.postal_code,
        country: address.country,
      },
    });
  }

  return (
    <section className="shipping-address" aria-label="Shipping address">
      <ShippingAddressElement onReady={(ready) => (element.current = ready)} />
      <button type="button" className="button secondary" disabled={disabled} onClick={() => void use()}>
        Use this address
      </button>
      {incomplete && (
        <p className="notice" role="alert">
          Please complete your shipping address.
        </p>
      )}
    </section>
  );
}
