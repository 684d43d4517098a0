// The browser's side of POST /api/cart/items: a change to one line, answered with a message a buyer can act on.
import { callBuyerEndpoint } from '@/components/buyer-api';
import type { BodyOf, BUYER_REQUESTS } from '@/lib/buyer-api';

const FAILED = 'We could not update your cart. Please try again.';

export type CartChangeBody = BodyOf<typeof BUYER_REQUESTS.cartLine>;

/** Sends one change; resolves with null on success, or the message to show. */
export async function postCartChange(body: CartChangeBody): Promise<string | null> {
  const result = await callBuyerEndpoint('cartLine', body);
  return result.ok ? null : (result.message ?? FAILED);
}
