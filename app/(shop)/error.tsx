'use client';
import { PageLink } from '@/components/ui/page-link';

// Shown when a page could not be rendered, e.g. the return page could not reach Stripe to read an order.
// We do not know here whether anything was paid, so we say so, and offer to read the page again before the
// buyer starts over (a paid buyer told "nothing was charged" may pay twice).
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <section className="notice" role="alert">
      <h1>Something went wrong on our end</h1>
      <p>
        We couldn&apos;t load this page. If you were paying, your payment may have gone through: try again to see your
        order before you pay again. A paid order is also confirmed by email.
      </p>
      <p>
        <button className="button" type="button" onClick={() => retry()}>
          Try again
        </button>{' '}
        <PageLink href="/">Back to the shop</PageLink>
      </p>
    </section>
  );
}
