'use client';
import Link from 'next/link';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="notice" role="alert">
      <h1>Something went wrong on our end</h1>
      <p>Nothing was charged. Please try again in a moment.</p>
      <p>
        <button className="button" type="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/">Back to the shop</Link>
      </p>
    </section>
  );
}
