import { PageLink } from '@/components/ui/page-link';
import { CartLink } from '@/components/cart/cart-link';
import { cartCount } from '@/lib/actions/cart';
import { browserTokenFromCookies } from '@/lib/session-binding';

/** The shop's banner: its name and the cart with its count, read per request (the cart is in the database). */
export async function SiteHeader() {
  const count = await cartCount(await browserTokenFromCookies());
  return (
    <header className="site-header">
      <div>
        <PageLink href="/">Ember &amp; Oak Coffee</PageLink>
        <span>Roasted weekly, shipped fresh</span>
        <CartLink count={count} />
      </div>
    </header>
  );
}
