import Link from 'next/link';
import { SiteHeader } from '@/components/shop/site-header';

// Any unknown address, and any page's notFound(): outside the shop's layout, so it brings the banner itself.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main>
        <section>
          <h1>We couldn&apos;t find that page</h1>
          <p>
            It may have moved. <Link href="/">Browse the shop</Link> or join the coffee club from there.
          </p>
        </section>
      </main>
    </>
  );
}
