import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changeSubscriptionInterval } from '@/lib/actions/change-subscription-interval';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { checkoutSessionIdSchema } from '@/lib/checkout/session-id';
import { errorResponse, parseJsonBody } from '@/lib/http';

// The seed page's endpoint and contract: {checkout_session_id, interval} in, {type: 'success'} out.
const bodySchema = z.strictObject({
  checkout_session_id: checkoutSessionIdSchema,
  interval: z.enum(['monthly', 'yearly']),
});

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    await changeSubscriptionInterval({
      sessionId: body.checkout_session_id,
      interval: body.interval,
      browserToken: (await cookies()).get(BROWSER_COOKIE)?.value,
    });
    return NextResponse.json({ type: 'success' });
  } catch (error) {
    return errorResponse(error, 'POST /api/change-subscription-interval');
  }
}
