'use client';
import { Notice } from '@/components/ui/notice';
import { formatMoney, keepUnitsTogether } from '@/lib/format';
import { crossSellOffers } from '@/lib/checkout/cross-sell';

/**
 * "You might also like": the products the cart goes with (the server's rule, shown here), one click each.
 * An added product leaves this list for the summary: the parent sends focus to its new quantity field.
 */
export function CrossSell(props: {
  productIdsInCart: string[];
  available: ReadonlyMap<string, number>;
  currency: string;
  busy: boolean;
  error?: string;
  onAdd: (productId: string) => void;
}) {
  const offers = crossSellOffers(props.productIdsInCart, props.available);
  if (offers.length === 0 && !props.error) return null;
  return (
    <section className="cross-sell" aria-labelledby="cross-sell-heading">
      <h2 id="cross-sell-heading">You might also like</h2>
      <ul>
        {offers.map((product) => (
          <li key={product.id}>
            <span>
              {product.name} <span className="muted">{formatMoney(product.unitAmount, props.currency)}</span>
            </span>
            <button
              type="button"
              className="button secondary"
              aria-disabled={props.busy}
              aria-describedby={props.error ? 'cross-sell-error' : undefined}
              data-focus-key={`cross-sell-${product.id}`}
              onClick={() => !props.busy && props.onAdd(product.id)}
            >
              Add {keepUnitsTogether(product.name)}
            </button>
          </li>
        ))}
      </ul>
      {props.error && <Notice id="cross-sell-error">{props.error}</Notice>}
    </section>
  );
}
