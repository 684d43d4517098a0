import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changeSubscriptionInterval } from '@/lib/actions/change-subscription-interval';
import { BROWSER_COOKIE } from '@/lib/checkout/session-binding';
import { errorResponse, parseJsonBody } from '@/lib/http';

// The seed page's endpoint and contract: {checkout_session_id, interval} in, {type: 'success'} out.
const bodySchema = z.object({
  checkout_session_id: z.string().regex(/^cs_(test|live)_\w+$/),
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
