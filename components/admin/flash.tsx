import type { Flash } from '@/lib/admin/flash';

/** The outcome of the last form, announced: a status for success, an alert for a failure. */
export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <p
      className={`admin-flash${flash.kind === 'error' ? ' error' : ''}`}
      role={flash.kind === 'error' ? 'alert' : 'status'}
    >
      {flash.text}
    </p>
  );
}
