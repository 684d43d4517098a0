// The page the local Stripe.js e2e test drives: the real CheckoutElementsProvider, useCheckoutElements
// and PaymentElement from @stripe/react-stripe-js, with loadStripe from @stripe/stripe-js.
import { CheckoutElementsProvider, PaymentElement, useCheckoutElements } from '@stripe/react-stripe-js/checkout';
import { loadStripe } from '@stripe/stripe-js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

type PageConfig = { publishableKey: string; clientSecret: string; sessionId: string };
const config = (window as unknown as { PAGE_CONFIG: PageConfig }).PAGE_CONFIG;
const stripePromise = loadStripe(config.publishableKey);
const options = { clientSecret: config.clientSecret };

function Checkout() {
  const state = useCheckoutElements();
  const [message, setMessage] = useState('');
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
