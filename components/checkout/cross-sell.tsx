'use client';
import { formatMoney } from '@/lib/format';
import { crossSellOffers } from '@/lib/checkout/cross-sell';

/** "You might also like": the products the cart goes with (the server's rule, shown here), one click each. */
export function CrossSell(props: {
  productIdsInCart: string[];
  available: ReadonlyMap<string, number>;
  currency: string;
  disabled: boolean;
  onAdd: (productId: string) => void;
}) {
  const offers = crossSellOffers(props.productIdsInCart, props.available);
  if (offers.length === 0) return null;
  return (
    <section className="cross-sell" aria-labelledby="cross-sell-heading">
      <h2 id="cross-sell-heading">You might also like</h2>
      <ul>
        {offers.map((product) => (
          <li key={product.id}>
            <span>
              {product.name} <span className="muted">{formatMoney(product.unitAmount, props.currency)}</span>
            </span>
            <button type="button" className="button secondary" disabled={props.disabled} onClick={() => props.onAdd(product.id)}>
              Add {product.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
