'use client';
import { useState } from 'react';
import { formatMoney } from '@/lib/format';
import { CURRENCY } from '@/lib/catalog';
import type { CartLineView } from '@/lib/checkout/cart-rules';

type Props = {
  line: CartLineView;
  busy: boolean;
  /** Changes after every answer from the server, refusals included: the field then shows the stored quantity. */
  revision: number;
  onQuantity(quantity: number): void;
  onRemove(): void;
};

/**
 * One line: its quantity is sent when the buyer leaves the field or presses Enter (not on every keystroke,
 * which would send 1 then 12). The field shows what the database holds once the page has refreshed.
 */
export function CartLineItem({ line, busy, revision, onQuantity, onRemove }: Props) {
  const { product } = line;
  const [draft, setDraft] = useState(String(line.quantity));
  const stored = `${line.quantity}@${revision}`;
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    // The stored quantity changed, or the server answered (a refusal leaves it as it was): show it.
    setShown(stored);
    setDraft(String(line.quantity));
  }
  const inputId = `quantity-${product.id}`;
  const commit = () => {
    const quantity = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(quantity) || quantity < 0) return setDraft(String(line.quantity));
    if (quantity !== line.quantity) onQuantity(quantity);
  };
  return (
    <li className="cart-line">
      <div>
        <h2>{product.name}</h2>
        <p>{formatMoney(product.unitAmount, CURRENCY)} each</p>
        <p className={line.lowStock ? 'low-stock' : undefined}>{line.stockNote}</p>
      </div>
      {/* noValidate: past `max`, the server's answer ("at most 10 per order") says more than the browser's bubble. */}
      <form
        className="quantity"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          commit();
        }}
      >
        <label htmlFor={inputId}>
          Quantity<span className="visually-hidden"> of {product.name}</span>
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={0}
          max={product.maxQuantity}
          value={draft}
          readOnly={busy} // not disabled: a disabled field drops the buyer's focus
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
        />
      </form>
      <div>
        <p aria-label={`Line total for ${product.name}`}>{formatMoney(line.lineTotal, CURRENCY)}</p>
        <button type="button" className="link-button" onClick={onRemove} disabled={busy}>
          Remove<span className="visually-hidden"> {product.name}</span>
        </button>
      </div>
    </li>
  );
}
