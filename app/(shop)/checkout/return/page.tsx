import type { Metadata } from 'next';
import { PageLink } from '@/components/ui/page-link';
import { redirect } from 'next/navigation';
import { AnnouncePaid } from '@/components/checkout/announce-paid';
import { RefreshWhilePending } from '@/components/checkout/refresh-while-pending';
import { orderForReturnPage } from '@/lib/actions/find-paid-order';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { isCheckoutSessionId } from '@/lib/checkout/session-id';
import { Receipt } from '@/components/order/receipt';

export const metadata: Metadata = { title: 'Your order' };
export const dynamic = 'force-dynamic';

export default async function ReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId } = await searchParams;
  if (!isCheckoutSessionId(sessionId)) {
    return <StartAgain message="We couldn't find that order." />;
  }
  const view = await orderForReturnPage(sessionId, await browserTokenFromCookies());
  switch (view.kind) {
    case 'not_found':
      return <StartAgain message="We couldn't find that order." />;
    case 'other_browser':
      return <StartAgain message="This order was placed from another browser." />;
    case 'expired':
      return <StartAgain message="This checkout expired before it was paid." />;
    case 'open':
      // Not paid yet (the buyer came back early): back to the same checkout, which checks this browser's binding.
      redirect(`/checkout?session_id=${view.sessionId}`);
  }
  const order = view.kind === 'order' ? view.order : null;
  const receipt = view.kind === 'order' ? view.order : view.receipt;
  return (
    <section aria-labelledby="thanks">
      <h1 id="thanks">Thank you for your order!</h1>
      <AnnouncePaid sessionId={receipt.id} />
      {order ? <p data-testid="order-number">Order number: {order.orderId}</p> : <RefreshWhilePending />}
      <p>
        {receipt.email ? <>Ordered with {receipt.email}. </> : null}
        Here is what you bought:
      </p>
      <Receipt receipt={receipt} />
      <PageLink href="/">Back to the shop</PageLink>
    </section>
  );
}

function StartAgain({ message }: { message: string }) {
  return (
    <section className="notice" role="alert">
      <p>{message}</p>
      <PageLink href="/">Start again from the shop</PageLink>
    </section>
  );
}
