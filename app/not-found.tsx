import { PageLink } from '@/components/ui/page-link';
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
            It may have moved. <PageLink href="/">Browse the shop</PageLink> or join the coffee club from there.
          </p>
        </section>
      </main>
    </>
  );
}
