import { PageLink } from '@/components/ui/page-link';
import './cart.css';

/** The header's way to the cart, with how many units it holds. */
export function CartLink({ count }: { count: number | null }) {
  return (
    <PageLink className="cart-link" href="/cart">
      {count === null ? 'Cart' : `Cart (${count})`}
    </PageLink>
  );
}
