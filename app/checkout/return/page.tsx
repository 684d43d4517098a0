import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { BROWSER_COOKIE, isBound } from '@/lib/checkout/session-binding';
import { isCheckoutSessionId } from '@/lib/checkout/session-id';
import { InvalidRequestError } from '@/lib/errors';
import { findPaidOrder } from '@/lib/actions/find-paid-order';
import { retrieveReceipt } from '@/lib/stripe/checkout-sessions';
import { Receipt } from '@/components/order/receipt';

export const metadata: Metadata = { title: 'Your order' };
export const dynamic = 'force-dynamic';

export default async function ReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId } = await searchParams;
  if (!isCheckoutSessionId(sessionId)) {
    return <StartAgain message="We couldn't find that order." />;
  }
  // The recorded order when the webhook has run; Stripe's view of the session while it is on its way.
  const order = await findPaidOrder(sessionId);
  const receipt = order ?? (await retrieveReceipt(sessionId).catch((error: unknown) => {
    if (error instanceof InvalidRequestError) return null; // Stripe has no such session
    throw error;
  }));
  if (!receipt) return <StartAgain message="We couldn't find that order." />;
  // The receipt shows the buyer's email: only to the browser that started this checkout.
  if (!isBound((await cookies()).get(BROWSER_COOKIE)?.value, receipt.bindingTag)) {
    return <StartAgain message="This order was placed from another browser: open this page there to see it." />;
  }
  if (receipt.status === 'expired') return <StartAgain message="This checkout expired before it was paid." />;
  // Not paid yet (the buyer came back early): back to the same checkout, which checks this browser's binding.
  if (receipt.status !== 'complete') redirect(`/checkout?session_id=${receipt.id}`);
  return (
    <section aria-labelledby="thanks">
      <h1 id="thanks">Thank you for your order!</h1>
      {order ? (
        <p data-testid="order-number">Order number: {order.orderId}</p>
      ) : (
        <p data-testid="order-pending">We are recording your order: reload in a moment for its number.</p>
      )}
      <p>
        {receipt.email ? <>Ordered with {receipt.email}. </> : null}
        Here is what you bought:
      </p>
      <Receipt receipt={receipt} />
      <Link href="/">Back to the shop</Link>
    </section>
  );
}

function StartAgain({ message }: { message: string }) {
  return (
    <section className="notice" role="alert">
      <p>{message}</p>
      <Link href="/">Start again from the shop</Link>
    </section>
  );
}
