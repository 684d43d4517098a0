// The browser's side of POST /api/cart/items: a change to one line, answered with a message a buyer can act on.
const FAILED = 'We could not update your cart. Please try again.';

export type CartChangeBody = { product_id: string } & ({ quantity: number } | { add: number });

/** Sends one change; resolves with null on success, or the message to show. */
export async function postCartChange(body: CartChangeBody): Promise<string | null> {
  try {
    const response = await fetch('/api/cart/items', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok) return null;
    const payload = (await response.json().catch(() => null)) as { message?: unknown } | null;
    return typeof payload?.message === 'string' ? payload.message : FAILED;
  } catch {
    return FAILED;
  }
}
