import { checkoutState } from '@/lib/actions/resume-checkout';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, jsonAnswer } from '@/lib/http';

// Whether this browser's checkout is still open: a second tab asks when it comes back into view, so a checkout
// paid in another tab says so instead of offering Pay. `{status: 'open' | 'complete' | 'gone'}`, nothing else.
export async function GET(request: Request) {
  try {
    const sessionId = new URL(request.url).searchParams.get('session_id') ?? '';
    const { status } = await checkoutState(sessionId, await browserTokenFromCookies());
    return jsonAnswer({ status }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/checkout/status');
  }
}
