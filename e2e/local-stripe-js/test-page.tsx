// The page the local Stripe.js e2e test drives: the real CheckoutElementsProvider, useCheckoutElements,
// PaymentElement and ShippingAddressElement from @stripe/react-stripe-js, with loadStripe from
// @stripe/stripe-js.
import {
  CheckoutElementsProvider,
  PaymentElement,
  ShippingAddressElement,
  useCheckoutElements,
} from '@stripe/react-stripe-js/checkout';
import { loadStripe } from '@stripe/stripe-js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

type PageConfig = { publishableKey: string; clientSecret: string; sessionId: string; shipping: boolean };
const config = (window as unknown as { PAGE_CONFIG: PageConfig }).PAGE_CONFIG;
const stripePromise = loadStripe(config.publishableKey);
const options = { clientSecret: config.clientSecret };

function Checkout() {
  const state = useCheckoutElements();
  const [message, setMessage] = useState('');
  const [code, setCode] = useState('');
  if (state.type === 'loading') return <p>Loading checkout…</p>;
  if (state.type === 'error') return <p role="alert">Checkout error: {state.error.message}</p>;
  const { checkout } = state;

  const addGift = async () => {
    const result = await checkout.runServerUpdate(async () => {
      const response = await fetch(`/update?session=${config.sessionId}`, { method: 'POST' });
      if (!response.ok) throw new Error(`The update failed with ${response.status}`);
    });
    setMessage(result.type === 'success' ? 'Gift added' : result.error.message);
  };
  // The server decides shipping: the address element's value goes to the shop inside runServerUpdate.
  const useAddress = async () => {
    const element = checkout.getShippingAddressElement();
    const entered = await element?.getValue();
    if (!entered?.complete) return setMessage('Enter the full address');
    const result = await checkout.runServerUpdate(async () => {
      const response = await fetch(`/shipping?session=${config.sessionId}`, {
        method: 'POST',
        body: JSON.stringify(entered.value),
      });
      if (!response.ok) throw new Error(await response.text());
    });
    setMessage(result.type === 'success' ? 'Address saved' : result.error.message);
  };
  const applyCode = async () => {
    const result = await checkout.applyPromotionCode(code);
    setMessage(result.type === 'success' ? 'Code applied' : `${result.error.code}: ${result.error.message}`);
  };
  const pay = async () => {
    setMessage('');
    const result = await checkout.confirm();
    if (result.type === 'error') setMessage(result.error.message);
  };

  return (
    <main>
      <ul aria-label="Line items">
        {checkout.lineItems.map((item) => (
          <li key={item.id}>
            {item.name} × {item.quantity}: {item.total.amount}
          </li>
        ))}
      </ul>
      <p data-testid="total">Total {checkout.total.total.amount}</p>
      <p data-testid="status">Status {checkout.status.type}</p>
      <p data-testid="tax">Tax {checkout.total.taxExclusive.amount}</p>
      <p data-testid="discount">
        Discount {checkout.discountAmounts?.map((d) => `${d.promotionCode} ${d.amount}`).join(', ') ?? 'none'}
      </p>
      <p data-testid="can-confirm">Can confirm {String(checkout.canConfirm)}</p>
      {config.shipping && (
        <>
          <ShippingAddressElement />
          <button type="button" onClick={useAddress}>
            Use this address
          </button>
        </>
      )}
      <label>
        Promo code <input value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      <button type="button" onClick={applyCode}>
        Apply
      </button>
      <button type="button" onClick={addGift}>
        Add a gift
      </button>
      <PaymentElement />
      <button type="button" onClick={pay}>
        Pay
      </button>
      <p role="status">{message}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <CheckoutElementsProvider stripe={stripePromise} options={options}>
    <Checkout />
  </CheckoutElementsProvider>,
);
