import type { Metadata } from 'next';
import Link from 'next/link';
import { CheckoutApp } from '@/components/checkout/checkout-app';
import { cartFromSearchParams } from '@/lib/checkout/cart';
import { browserStripeConfig } from '@/lib/stripe/browser-config';

export const metadata: Metadata = { title: 'Checkout' };
// The Stripe configuration is read from the server's environment on each request, never baked into the build.
export const dynamic = 'force-dynamic';

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cart = cartFromSearchParams(await searchParams);
  if (!cart) {
    return (
      <section className="notice" role="alert">
        <p>That item isn&apos;t in our shop any more.</p>
        <Link href="/">Choose from the shop</Link>
      </section>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <CheckoutApp cart={cart} stripeConfig={browserStripeConfig()} />
    </>
  );
}
