import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changeLineItemQuantity } from '@/lib/actions/change-line-item-quantity';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { errorResponse, parseJsonBody } from '@/lib/http';
import { MAX_QUANTITY } from '@/lib/checkout/line-items';

// A buyer changes a line's quantity at checkout (0 removes it). The stock check and the hold happen here,
// which is why sessions never enable Stripe.js's own adjustable quantities.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  line_item_id: z.string().max(255).regex(/^li_\w+$/),
  quantity: z.number().int().min(0).max(MAX_QUANTITY),
});

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    await changeLineItemQuantity({
      sessionId: body.checkout_session_id,
      lineItemId: body.line_item_id,
      quantity: body.quantity,
      browserToken: (await cookies()).get(BROWSER_COOKIE)?.value,
    });
    return NextResponse.json({ type: 'success' });
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/line-item-quantity');
  }
}
