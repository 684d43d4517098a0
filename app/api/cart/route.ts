import { readCart } from '@/lib/actions/cart';
import { browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, jsonAnswer } from '@/lib/http';

/** The browser's cart as stored: ids, quantities, the count and the subtotal (catalog prices, minor units). */
export async function GET() {
  try {
    const cart = await readCart(await browserTokenFromCookies());
    return jsonAnswer(
      {
        items: cart.lines.map((line) => ({ product_id: line.productId, quantity: line.quantity })),
        count: cart.count,
        subtotal: cart.subtotal,
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error, 'GET /api/cart');
  }
}
