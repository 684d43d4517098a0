import { randomUUID } from 'node:crypto';
import { changeCartLine } from '@/lib/actions/cart';
import { appOrigin } from '@/lib/app-origin';
import { BUYER_REQUESTS, type UpdateAnswer } from '@/lib/buyer-api';
import { browserCookie, browserToken, browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, jsonAnswer, parseJsonBody } from '@/lib/http';

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, BUYER_REQUESTS.cartLine.body);
    // The first cart action of a cookieless browser gives it its token.
    const token = browserToken(await browserTokenFromCookies(), randomUUID());
    const change =
      'add' in body
        ? { productId: body.product_id, add: body.add }
        : { productId: body.product_id, quantity: body.quantity };
    await changeCartLine(token, change);
    const response = jsonAnswer({ type: 'success' } satisfies UpdateAnswer);
    response.cookies.set(browserCookie(token, appOrigin(request)));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/cart/items');
  }
}
