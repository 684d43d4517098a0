'use client';
import { useEffect, useRef } from 'react';
import type { StripeCheckoutSession } from '@stripe/stripe-js';
import { loyaltyDiscountOf } from '@/lib/checkout/loyalty-discount';

/**
 * Preview profile: a cart that starts past the loyalty threshold gets its discount when the page loads
 * (every later cart update decides it on the server, in the same Stripe update). Asked once per session,
 * and only when the session's discount differs from what the shared rule says: the server decides again.
 */
export function useLoyaltyDiscount(
  session: Pick<StripeCheckoutSession, 'id' | 'total' | 'discountAmounts'>,
  enabled: boolean,
  run: (body: { checkout_session_id: string }) => Promise<boolean>,
) {
  const asked = useRef<string | null>(null);
  const earned = loyaltyDiscountOf(session.total.subtotal.minorUnitsAmount);
  const current = session.discountAmounts?.[0]?.minorUnitsAmount ?? 0;
  useEffect(() => {
    if (!enabled || earned === current || asked.current === session.id) return;
    asked.current = session.id;
    void run({ checkout_session_id: session.id });
  }, [enabled, earned, current, session.id, run]);
}
