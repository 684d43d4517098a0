'use client';
import { PageLink } from '@/components/ui/page-link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { CartLineItem } from '@/components/cart/cart-line-item';
import { postCartChange } from '@/components/cart/post-cart-change';
import { AlertRegion } from '@/components/ui/notice';
import { CURRENCY } from '@/lib/catalog';
import type { CartView as CartViewData } from '@/lib/checkout/cart-rules';
import { formatMoney } from '@/lib/format';

/**
 * The cart page's list. Each change goes to the server, then the page refreshes from the database, so what
 * the buyer sees is what is stored (and what every other tab sees on its next load). A refusal ("Only 3
 * left") shows under that line's field and is announced once by the cart's alert region; the line keeps
 * its stored quantity.
 */
export function CartView({ cart }: { cart: CartViewData }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ productId: string; message: string; serial: number } | null>(null);
  const [revision, setRevision] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const change = (productId: string, quantity: number) => {
    // After a removal focus goes to the next line's quantity (or the one before, or the heading): the
    // removed line takes its focused control with it.
    const ids = cart.lines.map((line) => line.productId);
    const at = ids.indexOf(productId);
    const next = quantity === 0 ? (ids[at + 1] ?? ids[at - 1]) : undefined;
    startTransition(async () => {
      const message = await postCartChange({ product_id: productId, quantity });
      setError(message ? { productId, message, serial: revision + 1 } : null);
      setRevision((count) => count + 1);
      router.refresh();
      if (quantity === 0 && !message) {
        const target = next ? document.getElementById(`quantity-${next}`) : null;
        (target ?? heading.current)?.focus();
      }
    });
  };

  return (
    <section className="cart" aria-labelledby="cart-heading" aria-busy={pending}>
      <h1 id="cart-heading" ref={heading} tabIndex={-1}>
        Your cart
      </h1>
      <AlertRegion message={error?.message ?? null} serial={error?.serial} />
      {cart.lines.length === 0 ? (
        <p>
          Your cart is empty. <PageLink href="/">Choose from the shop</PageLink>
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
                error={error?.productId === line.productId ? error.message : null}
                onQuantity={(quantity) => change(line.productId, quantity)}
              />
            ))}
          </ul>
          <div className="cart-footer">
            <p className="cart-subtotal" data-testid="cart-subtotal">
              Subtotal{' '}
              <span>
                ({cart.count} {cart.count === 1 ? 'item' : 'items'})
              </span>
              : {formatMoney(cart.subtotal, CURRENCY)}
            </p>
            <PageLink className="button" href="/checkout?from=cart">
              Checkout
            </PageLink>
          </div>
          <p className="muted">Shipping and tax are worked out at checkout, from your address.</p>
        </>
      )}
    </section>
  );
}
