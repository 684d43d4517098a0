import type { ReactNode } from 'react';

/**
 * A message placed beside what it is about. `error` is a refusal the buyer can act on; `info` is neutral
 * ("Your cart is empty"), never styled as a failure. Give it an `id` so the control it explains can point at
 * it with aria-describedby. It is not a live region itself: each form has one `AlertRegion` that announces.
 */
export function Notice({
  tone = 'error',
  id,
  children,
  testId,
}: {
  tone?: 'error' | 'info';
  id?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <p className={tone === 'error' ? 'notice' : 'notice info'} id={id} data-testid={testId}>
      {tone === 'error' && <span className="visually-hidden">Error: </span>}
      {children}
    </p>
  );
}

/**
 * The one role="alert" region of a form. It is in the page from the start (a live region added together with
 * its text is not reliably announced), and it holds the latest message once: the visible notice beside the
 * field says it again for sighted buyers, so this copy is for screen readers only.
 */
export function AlertRegion({ message, serial = 0 }: { message: string | null; serial?: number }) {
  return (
    <div role="alert" className="visually-hidden" data-testid="alert-region">
      {/* A new serial re-creates the text node, so the same refusal twice is announced twice. */}
      {message && <span key={serial}>{message}</span>}
    </div>
  );
}
