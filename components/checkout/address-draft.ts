import type { StripeCheckoutContact } from '@stripe/stripe-js';

type Address = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
};
type Contact = { name?: string | null; address?: Address | null };

/** How the address form stands against the address the session holds. */
export type AddressDraft = 'empty' | 'same' | 'differs';

const FIELDS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;
const norm = (value: string | null | undefined) => (value ?? '').trim().toLowerCase();

/**
 * Whether the form shows what Stripe holds. An empty form (a reload: the element starts blank) is not an
 * edit; anything else must match the session's address field by field, or Pay waits for "Use this address".
 */
export function addressDraft(
  form: { empty: boolean; value: Contact } | null,
  held: StripeCheckoutContact | null,
): AddressDraft {
  if (!form || form.empty) return 'empty';
  if (!held?.address) return 'differs';
  const same =
    norm(form.value.name) === norm(held.name) &&
    FIELDS.every((key) => norm(form.value.address?.[key]) === norm(held.address?.[key]));
  return same ? 'same' : 'differs';
}
