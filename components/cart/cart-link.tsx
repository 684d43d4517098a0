import Link from 'next/link';
import './cart.css';

/** The header's way to the cart, with how many units it holds. */
export function CartLink({ count }: { count: number | null }) {
  return (
    <Link className="cart-link" href="/cart">
      {count === null ? 'Cart' : `Cart (${count})`}
    </Link>
  );
}
