import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { applyLoyaltyDiscount } from '@/lib/actions/apply-loyalty-discount';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { errorResponse, parseJsonBody } from '@/lib/http';

// The preview profile's server-decided discount: the browser names the session only; whether the cart
// earns the discount, and how much, is the server's rule (lib/checkout/loyalty-discount.ts).
const bodySchema = z.strictObject({ checkout_session_id: checkoutSessionIdSchema });

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    await applyLoyaltyDiscount({ sessionId: body.checkout_session_id, browserToken: (await cookies()).get(BROWSER_COOKIE)?.value });
    return NextResponse.json({ type: 'success' });
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/loyalty-discount');
  }
}
