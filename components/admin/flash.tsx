'use client';
import { useEffect, useRef } from 'react';
import type { Flash } from '@/lib/admin/flash';

/**
 * The outcome of the last form, announced: a status for success, an alert for a failure. The form's page was
 * left for this one, so focus starts here: a screen reader reads the outcome first (a status already on the page
 * when it loads is not announced by every one), and the next Tab goes on from it.
 */
export function FlashMessage({ flash }: { flash: Flash | null }) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => message.current?.focus(), []);
  if (!flash) return null;
  return (
    <p
      ref={message}
      tabIndex={-1}
      className={`admin-flash${flash.kind === 'error' ? ' error' : ''}`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      {flash.text}
    </p>
  );
}
