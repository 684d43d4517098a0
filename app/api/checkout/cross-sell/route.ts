import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changeCrossSell } from '@/lib/actions/change-cross-sell';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { errorResponse, parseJsonBody } from '@/lib/http';

// The seed's own example of a narrow endpoint: "add cross-sell items". The browser names a product; what
// may be added (and at what price) is the server's rule.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  product_id: z.string().max(100),
  action: z.enum(['add', 'remove']),
});

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    await changeCrossSell({
      sessionId: body.checkout_session_id,
      productId: body.product_id,
      action: body.action,
      browserToken: (await cookies()).get(BROWSER_COOKIE)?.value,
    });
    return NextResponse.json({ type: 'success' });
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/cross-sell');
  }
}
