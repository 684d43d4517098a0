'use client';
import { useState } from 'react';
import { formatMoney } from '@/lib/format';
import { CURRENCY } from '@/lib/catalog';
import type { CartLineView } from '@/lib/checkout/cart-rules';

type Props = {
  line: CartLineView;
  busy: boolean;
  onQuantity(quantity: number): void;
  onRemove(): void;
};

/**
 * One line: its quantity is sent when the buyer leaves the field or presses Enter (not on every keystroke,
 * which would send 1 then 12). The field shows what the database holds once the page has refreshed.
 */
export function CartLineItem({ line, busy, onQuantity, onRemove }: Props) {
  const { product } = line;
  const [draft, setDraft] = useState(String(line.quantity));
  const [shown, setShown] = useState(line.quantity);
  if (shown !== line.quantity) {
    // The stored quantity changed (this tab, another tab, or a refusal): show it.
    setShown(line.quantity);
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
        <p className={line.available <= 5 ? 'low-stock' : undefined}>{line.stockNote}</p>
      </div>
      <form
        className="quantity"
        onSubmit={(event) => {
          event.preventDefault();
          commit();
        }}
      >
        <label htmlFor={inputId}>Quantity of {product.name}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={0}
          max={product.maxQuantity}
          value={draft}
          disabled={busy}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
        />
      </form>
      <div>
        <p aria-label={`Line total for ${product.name}`}>{formatMoney(line.lineTotal, CURRENCY)}</p>
        <button type="button" className="button secondary" onClick={onRemove} disabled={busy}>
          Remove {product.name}
        </button>
      </div>
    </li>
  );
}
