'use client';

// A back-office page that could not be rendered (the database or Stripe did not answer): the detail is in the
// server log; the owner can try the page again.
export default function AdminErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <section className="notice" role="alert">
      <h1>This page could not be loaded</h1>
      <p>Nothing was changed by loading it. The server log has the detail.</p>
      <p>
        <button className="button" type="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </section>
  );
}
