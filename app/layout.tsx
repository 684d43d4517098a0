import type { Metadata } from 'next';
import Link from 'next/link';
import { CartLink } from '@/components/cart/cart-link';
import { cartCount } from '@/lib/actions/cart';
import { browserTokenFromCookies } from '@/lib/session-binding';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ember & Oak Coffee', template: '%s · Ember & Oak Coffee' },
  description: 'Small-batch coffee, a monthly coffee club, and the gear to brew it.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The cart's count is read per request (the cart is in the database): every page renders dynamically.
  const count = await cartCount(await browserTokenFromCookies());
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div>
            <Link href="/">Ember &amp; Oak Coffee</Link>
            <span>Roasted weekly, shipped fresh</span>
            <CartLink count={count} />
          </div>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
