'use client';
import { QuantityField } from '@/components/ui/quantity-field';
import { formatMoney, keepUnitsTogether } from '@/lib/format';
import { CURRENCY } from '@/lib/catalog';
import type { CartLineView } from '@/lib/checkout/cart-rules';

type Props = {
  line: CartLineView;
  busy: boolean;
  /** Changes after every answer from the server, refusals included: the field then shows the stored quantity. */
  revision: number;
  /** The server's refusal of this line's last change ("Only 3 left"), shown under its field. */
  error: string | null;
  onQuantity(quantity: number): void;
};

/** One line of the cart: the shop's one quantity field (with Remove), and the line's total. */
export function CartLineItem({ line, busy, revision, error, onQuantity }: Props) {
  const { product } = line;
  return (
    <li className="cart-line">
      <div>
        <h2>{keepUnitsTogether(product.name)}</h2>
        <p>{formatMoney(product.unitAmount, CURRENCY)} each</p>
        <p className={line.lowStock ? 'low-stock' : undefined}>{line.stockNote}</p>
      </div>
      <QuantityField
        id={`quantity-${product.id}`}
        name={product.name}
        quantity={line.quantity}
        max={product.maxQuantity}
        busy={busy}
        revision={revision}
        error={error}
        showLabel
        onSet={onQuantity}
      />
      <p aria-label={`Line total for ${product.name}`}>{formatMoney(line.lineTotal, CURRENCY)}</p>
    </li>
  );
}
