import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AnnouncePaid } from '@/components/checkout/announce-paid';
import { RefreshWhilePending } from '@/components/checkout/refresh-while-pending';
import { orderForReturnPage } from '@/lib/actions/find-paid-order';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { isCheckoutSessionId } from '@/lib/checkout/session-id';
import { formatMoney } from '@/lib/format';

export const metadata: Metadata = { title: 'Your order' };
export const dynamic = 'force-dynamic';

const INTERVAL = { month: ' / month', year: ' / year' } as Record<string, string>;

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
        {receipt.email ? <>A receipt is on its way to {receipt.email}. </> : null}
        Here is what you bought:
      </p>
      <ul className="receipt" data-testid="receipt">
        {receipt.items.map((item, index) => (
          <li key={index}>
            {item.description}
            {item.quantity > 1 && ` × ${item.quantity}`}: {formatMoney(item.amountTotal, receipt.currency)}
            {item.interval && INTERVAL[item.interval]}
          </li>
        ))}
        {receipt.amountShipping > 0 && <li>Shipping: {formatMoney(receipt.amountShipping, receipt.currency)}</li>}
        {receipt.amountTax > 0 && <li>Tax: {formatMoney(receipt.amountTax, receipt.currency)}</li>}
        {receipt.amountDiscount > 0 && <li data-testid="receipt-discount">Discount: −{formatMoney(receipt.amountDiscount, receipt.currency)}</li>}
      </ul>
      {receipt.shipping?.address && (
        <p data-testid="ships-to">
          Ships to: {[receipt.shipping.name, receipt.shipping.address.line1, receipt.shipping.address.line2, receipt.shipping.address.city, receipt.shipping.address.state, receipt.shipping.address.postalCode, receipt.shipping.address.country].filter(Boolean).join(', ')}
        </p>
      )}
      <p>
        Total paid: <strong>{formatMoney(receipt.amountTotal, receipt.currency)}</strong>
      </p>
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
