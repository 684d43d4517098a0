'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { CartLineItem } from '@/components/cart/cart-line-item';
import { postCartChange } from '@/components/cart/post-cart-change';
import { CURRENCY } from '@/lib/catalog';
import type { CartView as CartViewData } from '@/lib/checkout/cart-rules';
import { formatMoney } from '@/lib/format';

/**
 * The cart page's list. Each change goes to the server, then the page refreshes from the database, so what
 * the buyer sees is what is stored (and what every other tab sees on its next load). A refusal ("Only 3
 * left") is announced in an alert and the line keeps its stored quantity.
 */
export function CartView({ cart }: { cart: CartViewData }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const change = (productId: string, quantity: number, focusAfter = false) =>
    startTransition(async () => {
      setError(null);
      setError(await postCartChange({ product_id: productId, quantity }));
      setRevision((count) => count + 1);
      router.refresh();
      // A removed line takes its focused button with it: focus goes back to the cart's heading.
      if (focusAfter) heading.current?.focus();
    });

  return (
    <section className="cart" aria-labelledby="cart-heading" aria-busy={pending}>
      <h1 id="cart-heading" ref={heading} tabIndex={-1}>
        Your cart
      </h1>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {cart.lines.length === 0 ? (
        <p>
          Your cart is empty. <Link href="/">Choose from the shop</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines">
            {cart.lines.map((line) => (
              <CartLineItem
                key={line.productId}
                line={line}
                busy={pending}
                revision={revision}
                onQuantity={(quantity) => change(line.productId, quantity, quantity === 0)}
                onRemove={() => change(line.productId, 0, true)}
              />
            ))}
          </ul>
          <div className="cart-footer">
            <p className="cart-subtotal" data-testid="cart-subtotal">
              Subtotal <span>({cart.count} {cart.count === 1 ? 'item' : 'items'})</span>: {formatMoney(cart.subtotal, CURRENCY)}
            </p>
            <Link className="button" href="/checkout?from=cart">
              Checkout
            </Link>
          </div>
          <p className="muted">Shipping is chosen at checkout.</p>
        </>
      )}
    </section>
  );
}
