import { openCheckout } from '@/lib/actions/open-checkout';
import { appOrigin } from '@/lib/app-origin';
import { BUYER_REQUESTS, type AnswerOf } from '@/lib/buyer-api';
import { clientAddress } from '@/lib/client-address';
import { browserCookie, browserToken, browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, jsonAnswer, parseJsonBody } from '@/lib/http';

const ENDPOINT = BUYER_REQUESTS.openCheckout;

// Opens the browser's checkout: its open one again (a reload, a second tab), or a new one. 201 when made, 200 when resumed.
export async function POST(request: Request) {
  try {
    const { cart, attemptId } = await parseJsonBody(request, ENDPOINT.body);
    // A cookieless browser's token is derived from the attempt (one per page view), so a double click is one buyer.
    const token = browserToken(await browserTokenFromCookies(), attemptId);
    const origin = appOrigin(request);
    const session = await openCheckout({
      cart,
      attemptId,
      browserToken: token,
      origin,
      clientAddress: clientAddress(request),
    });
    const response = jsonAnswer({ clientSecret: session.clientSecret } satisfies AnswerOf<typeof ENDPOINT>, {
      status: session.resumed ? 200 : 201,
    });
    response.cookies.set(browserCookie(token, origin));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/checkout/sessions');
  }
}
