import type { Metadata } from 'next';
import { PageLink } from '@/components/ui/page-link';
import { redirect } from 'next/navigation';
import { CheckoutApp, type CheckoutSource } from '@/components/checkout/checkout-app';
import { browserStripeConfig, checkoutShop } from '@/lib/actions/checkout-shop';
import { storedCheckoutCart } from '@/lib/actions/cart';
import { PaidElsewhere } from '@/components/checkout/paid-elsewhere';
import { checkoutState } from '@/lib/actions/resume-checkout';
import { cartFromSearchParams } from '@/lib/checkout/cart';
import { browserTokenFromCookies } from '@/lib/session-binding';

export const metadata: Metadata = { title: 'Checkout' };
// The Stripe configuration is read from the server's environment on each request, never baked into the build.
export const dynamic = 'force-dynamic';

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // A bare /checkout (typed, or a bookmark) is a way to the cart, where the buyer sees what it holds.
  if (Object.keys(params).length === 0) redirect('/cart');
  if (params.from === 'cart' && !(await storedCheckoutCart(await browserTokenFromCookies()))) {
    // Back from a paid checkout, or another tab emptied it: a state, not a failure.
    return (
      <section className="empty-state" aria-labelledby="empty-heading">
        <h1 id="empty-heading">Your cart is empty.</h1>
        <p>
          <PageLink href="/">Choose from the shop</PageLink>
        </p>
      </section>
    );
  }
  const source = await checkoutSource(params);
  if (source?.kind === 'paid') return <PaidElsewhere sessionId={source.sessionId} />;
  if (!source) {
    return (
      <section className="notice" role="alert">
        <p>
          {params.session_id
            ? 'This checkout has ended or belongs to another browser.'
            : "That item isn't in our shop any more."}
        </p>
        <PageLink href="/">Choose from the shop</PageLink>
      </section>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <CheckoutApp source={source} stripeConfig={browserStripeConfig()} shop={await checkoutShop()} />
    </>
  );
}

async function checkoutSource(
  params: Record<string, string | string[] | undefined>,
): Promise<CheckoutSource | { kind: 'paid'; sessionId: string } | null> {
  if (typeof params.session_id === 'string') {
    const state = await checkoutState(params.session_id, await browserTokenFromCookies());
    if (state.status === 'complete') return { kind: 'paid', sessionId: params.session_id };
    return state.status === 'open' ? { kind: 'resume', clientSecret: state.clientSecret } : null;
  }
  // The stored cart is read again by the endpoint that creates the session: the page sends no lines for it.
  if (params.from === 'cart') return { kind: 'cart', cart: { kind: 'stored' } };
  const cart = cartFromSearchParams(params);
  return cart ? { kind: 'cart', cart } : null;
}
