'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { postCartChange } from '@/components/cart/post-cart-change';

/** "Add to cart": one more unit in the browser's stored cart; the header's count follows (router.refresh). */
export function AddToCartButton({ productId, productName }: { productId: string; productName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ kind: 'added' | 'error'; message: string } | null>(null);
  const add = () =>
    startTransition(async () => {
      setStatus(null);
      const error = await postCartChange({ product_id: productId, add: 1 });
      setStatus(
        error ? { kind: 'error', message: error } : { kind: 'added', message: `${productName} is in your cart.` },
      );
      router.refresh();
    });
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => !pending && add()}
        aria-disabled={pending}
        aria-describedby={status ? `cart-status-${productId}` : undefined}
      >
        Add to cart
      </button>
      {status?.kind === 'error' ? (
        // One card, one message: an inserted role="alert" is announced once (no page-wide region needed).
        <p className="notice" role="alert" id={`cart-status-${productId}`}>
          {status.message}
        </p>
      ) : (
        <p className="cart-added" role="status" id={`cart-status-${productId}`}>
          {status?.message}
        </p>
      )}
    </>
  );
}
