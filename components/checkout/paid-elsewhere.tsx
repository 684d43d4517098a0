import { PageLink } from '@/components/ui/page-link';

/** A checkout that was paid (in this tab's absence, perhaps in another one): no Pay button, a way to the order. */
export function PaidElsewhere({ sessionId }: { sessionId: string }) {
  return (
    <section className="notice notice-info" role="status" data-testid="checkout-paid">
      <h1>This checkout has been paid</h1>
      <p>
        <PageLink href={`/checkout/return?session_id=${encodeURIComponent(sessionId)}`}>See your order</PageLink> or{' '}
        <PageLink href="/">go back to the shop</PageLink>.
      </p>
    </section>
  );
}
