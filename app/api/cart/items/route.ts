import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changeCartLine } from '@/lib/actions/cart';
import { appOrigin } from '@/lib/app-origin';
import { findProductForSale } from '@/lib/catalog';
import { browserCookie, browserToken, browserTokenFromCookies } from '@/lib/session-binding';
import { errorResponse, parseJsonBody } from '@/lib/http';

const productId = z.string().max(100).refine((id) => findProductForSale(id) !== undefined, 'unknown product');
const bodySchema = z.union([
  /** The line's new quantity, absolute (the cart page's quantity input); 0 removes it. */
  z.strictObject({ product_id: productId, quantity: z.number().int().min(0).max(999) }),
  /** Units to add to the line ("Add to cart"). */
  z.strictObject({ product_id: productId, add: z.number().int().min(1).max(99) }),
]);

export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, bodySchema);
    // The first cart action of a cookieless browser gives it its token.
    const token = browserToken(await browserTokenFromCookies(), randomUUID());
    const change = 'add' in body ? { productId: body.product_id, add: body.add } : { productId: body.product_id, quantity: body.quantity };
    await changeCartLine(token, change);
    const response = NextResponse.json({ type: 'success' });
    response.cookies.set(browserCookie(token, appOrigin(request)));
    return response;
  } catch (error) {
    return errorResponse(error, 'POST /api/cart/items');
  }
}
