import Link from 'next/link';

export default function NotFound() {
  return (
    <section>
      <h1>We couldn&apos;t find that page</h1>
      <p>
        It may have moved. <Link href="/">Browse the shop</Link> or join the coffee club from there.
      </p>
    </section>
  );
}
