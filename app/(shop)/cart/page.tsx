import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';
import { readCart } from '@/lib/actions/cart';
import { browserTokenFromCookies } from '@/lib/session-binding';

export const metadata: Metadata = { title: 'Cart' };
// The cart lives in the database: read on every request, so a reload (or another tab) shows what is stored.
export const dynamic = 'force-dynamic';

export default async function CartPage() {
  const cart = await readCart(await browserTokenFromCookies());
  return <CartView cart={cart} />;
}
